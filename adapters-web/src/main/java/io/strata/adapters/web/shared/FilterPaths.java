package io.strata.adapters.web.shared;

import io.micronaut.http.HttpRequest;

/**
 * Which requests a filter acts on. Strata's filters are declared on every path
 * ({@code @ServerFilter(ServerFilter.MATCH_ALL_PATTERN)}) and test the path here instead: Micronaut keeps the filters
 * that match every path in one list made once, but matches each other filter's Ant pattern on every request,
 * splitting the pattern and the path into new strings each time (a fifth of the bytes a {@code GET /projects/{id}}
 * allocated, with seven such filters). The architecture tests hold every filter to this.
 */
public final class FilterPaths {
    /** Everything the API serves. */
    public static final String API = "/api";
    /** The versioned API: authentication and idempotency apply here. */
    public static final String API_V1 = "/api/v1";

    private FilterPaths() {}

    /**
     * Whether the request's path is {@code prefix} or lies below it, exactly as the Ant patterns {@code prefix} and
     * {@code prefix/**} match it: segment by segment, with empty segments ({@code //}) skipped and each segment's
     * surrounding whitespace ignored. (A plain {@code startsWith} would pass {@code //api/v1/...} by a filter.)
     */
    public static boolean under(HttpRequest<?> request, String prefix) {
        return under(request.getPath(), prefix);
    }

    static boolean under(String path, String prefix) {
        if (path.startsWith("/") != prefix.startsWith("/")) {
            return false;
        }
        int p = 0;
        int q = 0;
        while (true) {
            int prefixStart = nextSegment(prefix, q);
            if (prefixStart == prefix.length()) {
                return true;
            }
            int pathStart = nextSegment(path, p);
            if (pathStart == path.length()) {
                return false;
            }
            int prefixEnd = segmentEnd(prefix, prefixStart);
            int pathEnd = segmentEnd(path, pathStart);
            if (!sameSegment(path, pathStart, pathEnd, prefix, prefixStart, prefixEnd)) {
                return false;
            }
            p = pathEnd;
            q = prefixEnd;
        }
    }

    /** Where the next non-blank segment at or after {@code from} begins, or the length when there is none. */
    private static int nextSegment(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/' || c <= ' ') {
                i++;
                continue;
            }
            return i;
        }
        return s.length();
    }

    private static int segmentEnd(String s, int start) {
        int end = s.indexOf('/', start);
        return end < 0 ? s.length() : end;
    }

    /** The two segments, without their trailing whitespace (leading whitespace was skipped), are equal. */
    private static boolean sameSegment(String a, int aStart, int aEnd, String b, int bStart, int bEnd) {
        while (aEnd > aStart && a.charAt(aEnd - 1) <= ' ') {
            aEnd--;
        }
        while (bEnd > bStart && b.charAt(bEnd - 1) <= ' ') {
            bEnd--;
        }
        return aEnd - aStart == bEnd - bStart && a.regionMatches(aStart, b, bStart, aEnd - aStart);
    }
}
