package io.strata.adapters.persistence.shared;

import java.util.Locale;

/** LIKE patterns with every value bound and the wildcards of the client's text escaped ({@code '\\'}). */
public final class LikePatterns {
    /** The escape character of every pattern built here. */
    public static final char ESCAPE = '\\';

    private LikePatterns() {}

    /** A LIKE pattern for "contains {@code text}" (lower-cased, wildcards escaped), with escape {@code '\'}. */
    public static String containsPattern(String text) {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
    }

    /** A LIKE pattern from the filter grammar: {@code *} is the wildcard, {@code %} and {@code _} are literal. */
    public static String wildcardPattern(String pattern) {
        return escape(pattern).replace('*', '%');
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }
}
