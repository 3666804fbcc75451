package io.strata.bootstrap.web.fuzz;

import io.strata.bootstrap.web.fuzz.FuzzJson.Raw;
import io.strata.bootstrap.web.fuzz.FuzzJson.RawBytes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue of hostile values a client can send: characters PostgreSQL cannot store, unicode edge
 * cases, sizes, numbers no column can hold, dates outside every range, nulls, wrong JSON types and
 * nesting. {@link #forBody} picks the values for a JSON field by its schema kind, {@link #forText} the
 * percent-encoded values for a query, path or header parameter.
 */
public final class HostileValues {
    /** One value to send, with a short label for the failure report. */
    public record Hostile(String label, Object json) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A percent-encoded (query/path) or plain (header) text value. */
    public record HostileText(String label, String encoded, String plain) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** What a schema says a field holds. */
    public enum Kind {
        STRING,
        UUID,
        DATE,
        DATE_TIME,
        NUMBER,
        INTEGER,
        BOOLEAN,
        ENUM,
        ARRAY,
        OBJECT
    }

    static final String TEN_KB = "x".repeat(10 * 1024);
    static final String ONE_MB = "y".repeat(1024 * 1024);

    /** Strings: characters and sizes. */
    static final List<Hostile> STRINGS = List.of(
            new Hostile("NUL", "\u0000"),
            new Hostile("NUL inside", "ab\u0000cd"),
            new Hostile("control chars", "\u0001\u0008\u001b\u007f"),
            new Hostile("CR LF TAB", "line\r\nbreak\ttab"),
            new Hostile("unpaired high surrogate", "\uD800"),
            new Hostile("unpaired low surrogate", "x\uDC00y"),
            new Hostile("RTL override", "\u202Eevil\u202C"),
            new Hostile(
                    "emoji", "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"),
            new Hostile("zero width and BOM", "\u200B\uFEFF"),
            new Hostile("combining marks", "e\u0301\u0308\u20DD"),
            new Hostile("noncharacters", "\uFFFE\uFFFF"),
            new Hostile("empty", ""),
            new Hostile("blank", "   "),
            new Hostile("10 kB", TEN_KB),
            new Hostile("SQL injection", "' OR '1'='1' --"),
            new Hostile("JSON injection", "{\"$ne\":null,\"a\":[1]}"),
            new Hostile("path traversal", "../../../etc/passwd%00"),
            new Hostile("LIKE wildcards", "%_\\*?"),
            new Hostile("lookup strings", "${jndi:ldap://x/a}%s%n<script>"));

    /** Invalid UTF-8 inside a JSON string. */
    static final List<Hostile> BYTES = List.of(
            new Hostile("invalid UTF-8", new RawBytes(new byte[] {'"', 'a', (byte) 0xC3, '(', '"'})),
            new Hostile(
                    "UTF-8 encoded surrogate",
                    new RawBytes(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'})),
            new Hostile("raw control char in string", new RawBytes(new byte[] {'"', 'a', 0x00, 'b', '"'})));

    static final List<Hostile> NUMBERS = List.of(
            new Hostile("-1", new Raw("-1")),
            new Hostile("0", new Raw("0")),
            new Hostile("-0.0", new Raw("-0.0")),
            new Hostile("fraction 1.005", new Raw("1.005")),
            new Hostile("1e999999", new Raw("1e999999")),
            new Hostile("-1e999999", new Raw("-1e999999")),
            new Hostile("1e-999999", new Raw("1e-999999")),
            new Hostile("1e999999999", new Raw("1e999999999")),
            new Hostile("exponent overflow", new Raw("1E+2147483648")),
            new Hostile("30 digits", new Raw("123456789012345678901234567890")),
            new Hostile("5000 digits", new Raw("9".repeat(5000))),
            new Hostile("2^31", new Raw("2147483648")),
            new Hostile("2^63", new Raw("9223372036854775808")),
            new Hostile("1.5e308", new Raw("1.5e308")),
            new Hostile("4.9e-324", new Raw("4.9e-324")),
            new Hostile("NaN", new Raw("NaN")),
            new Hostile("Infinity", new Raw("Infinity")),
            new Hostile("-Infinity", new Raw("-Infinity")));

    static final List<Hostile> DATES = List.of(
            new Hostile("date +999999999-12-31", "+999999999-12-31"),
            new Hostile("date -999999999-01-01", "-999999999-01-01"),
            new Hostile("date 5874898-01-01", "+5874898-01-01"),
            new Hostile("date +5874897-12-31", "+5874897-12-31"),
            new Hostile("date -4713-11-24", "-4713-11-24"),
            new Hostile("date -4713-11-23", "-4713-11-23"),
            new Hostile("date 0000-01-01", "0000-01-01"),
            new Hostile("date 294277-01-01", "+294277-01-01"),
            new Hostile("date 2026-02-30", "2026-02-30"),
            new Hostile("date 20260101", "20260101"),
            new Hostile("date with time", "2026-01-01T00:00:00Z"),
            new Hostile("date word", "yesterday"));

    static final List<Hostile> DATE_TIMES = List.of(
            new Hostile("instant +1000000000", "+1000000000-12-31T23:59:59.999999999Z"),
            new Hostile("instant -1000000000", "-1000000000-01-01T00:00:00Z"),
            new Hostile("instant 294277", "+294277-01-01T00:00:00Z"),
            new Hostile("instant 294276 end", "+294276-12-31T23:59:59.999999Z"),
            new Hostile("instant -4714", "-4714-01-01T00:00:00Z"),
            new Hostile("instant bad offset", "2026-01-01T00:00:00+99:00"),
            new Hostile("instant as date", "2026-01-01"));

    static final List<Hostile> WRONG_TYPES = List.of(
            new Hostile("null", null),
            new Hostile("true", Boolean.TRUE),
            new Hostile("number 7", 7),
            new Hostile("string", "str"),
            new Hostile("empty array", List.of()),
            new Hostile("empty object", Map.of()),
            new Hostile("array with null", Arrays.asList("a", null)),
            new Hostile("array of null", Arrays.asList((Object) null)),
            new Hostile("nested nulls", Map.of("a", Map.of("b", Arrays.asList(1, null)))));

    static final List<Hostile> NESTING = List.of(
            new Hostile("array nested 3000 deep", new Raw("[".repeat(3000) + "]".repeat(3000))),
            new Hostile("object nested 3000 deep", new Raw("{\"a\":".repeat(3000) + "1" + "}".repeat(3000))),
            new Hostile("object nested 200 deep", new Raw("{\"a\":".repeat(200) + "1" + "}".repeat(200))));

    /** Expensive values, sent at one site per operation. */
    static final List<Hostile> HEAVY = List.of(
            new Hostile("1 MB string", ONE_MB),
            new Hostile("100k-element array", new Raw("[" + "\"t\",".repeat(100_000) + "\"t\"]")));

    private HostileValues() {}

    /** The values for a body field of {@code kind}; {@code heavy} adds the expensive ones. */
    public static List<Hostile> forBody(Kind kind, Kind itemKind, boolean heavy) {
        List<Hostile> values = new ArrayList<>();
        switch (kind) {
            case STRING, UUID, ENUM -> {
                values.addAll(STRINGS);
                values.addAll(BYTES);
                values.addAll(pick(NUMBERS, "1e999999", "NaN", "30 digits"));
                values.addAll(pick(DATES, "date +999999999-12-31"));
            }
            case DATE -> {
                values.addAll(DATES);
                values.addAll(pick(STRINGS, "NUL", "NUL inside", "unpaired high surrogate", "10 kB", "emoji", "empty"));
                values.addAll(pick(NUMBERS, "1e999999", "2^63"));
            }
            case DATE_TIME -> {
                values.addAll(DATE_TIMES);
                values.addAll(pick(DATES, "date +999999999-12-31"));
                values.addAll(pick(STRINGS, "NUL", "unpaired high surrogate", "10 kB", "empty"));
            }
            case NUMBER, INTEGER -> {
                values.addAll(NUMBERS);
                values.addAll(pick(STRINGS, "NUL", "empty", "10 kB"));
                values.add(new Hostile("NaN as text", "NaN"));
                values.add(new Hostile("1e999999 as text", "1e999999"));
            }
            case BOOLEAN -> {
                values.addAll(pick(STRINGS, "NUL", "empty"));
                values.addAll(pick(NUMBERS, "0", "1e999999"));
            }
            case ARRAY -> {
                for (Hostile item : elementValues(itemKind)) {
                    values.add(new Hostile("[" + item.label() + "]", List.of(item.json() == null ? "" : item.json())));
                }
                values.add(new Hostile("[\"ok\", null]", Arrays.asList("ok", null)));
                values.add(new Hostile("[null]", Arrays.asList((Object) null)));
                values.add(new Hostile("1000 duplicates", new Raw("[" + "\"dup\",".repeat(999) + "\"dup\"]")));
                values.add(new Hostile("array of arrays", List.of(List.of("a"))));
                values.add(new Hostile("array of objects", List.of(Map.of("a", "b"))));
                values.addAll(pick(STRINGS, "NUL", "10 kB"));
            }
            case OBJECT -> {
                for (Hostile item : pick(
                        STRINGS,
                        "NUL",
                        "NUL inside",
                        "unpaired high surrogate",
                        "unpaired low surrogate",
                        "10 kB",
                        "emoji",
                        "control chars",
                        "SQL injection")) {
                    values.add(new Hostile("{k: " + item.label() + "}", Map.of("k", item.json())));
                    values.add(new Hostile("{" + item.label() + ": v}", Map.of(item.json(), "v")));
                }
                values.add(new Hostile("{k: [NUL]}", Map.of("k", List.of("\u0000"))));
                values.add(new Hostile("{a: {b: {c: NUL}}}", Map.of("a", Map.of("b", Map.of("c", "\u0000")))));
                for (Hostile number : pick(
                        NUMBERS,
                        "1e999999",
                        "-1e999999",
                        "1e-999999",
                        "5000 digits",
                        "NaN",
                        "Infinity",
                        "exponent overflow",
                        "1.5e308")) {
                    values.add(new Hostile("{k: " + number.label() + "}", Map.of("k", number.json())));
                }
                for (Hostile bytes : BYTES) {
                    values.add(new Hostile("{k: " + bytes.label() + "}", Map.of("k", bytes.json())));
                }
                values.add(new Hostile("{k: null, l: [null]}", nullValues()));
                values.add(new Hostile("200 keys", manyKeys(200)));
                values.add(
                        new Hostile("{k: 200 deep}", Map.of("k", NESTING.get(2).json())));
                values.addAll(pick(STRINGS, "NUL", "10 kB"));
            }
        }
        values.addAll(WRONG_TYPES);
        if (heavy) {
            values.addAll(NESTING);
            values.addAll(HEAVY);
        }
        return dedupe(values);
    }

    /** Values sent at every input: the ones most likely to reach PostgreSQL unchecked. */
    static final Set<String> CORE = Set.of(
            "NUL",
            "NUL inside",
            "unpaired high surrogate",
            "10 kB",
            "empty",
            "emoji",
            "null",
            "true",
            "empty object",
            "array with null",
            "[null]",
            "[\"ok\", null]",
            "[NUL]",
            "{k: NUL}",
            "{NUL: v}",
            "{k: 1e999999}",
            "1e999999",
            "1e999999999",
            "5000 digits",
            "NaN",
            "date +999999999-12-31",
            "date 5874898-01-01",
            "instant +1000000000",
            "number 99999999999",
            "number 1e999999",
            "percent-encoded surrogate bytes",
            "1 MB string",
            "100k-element array");

    /**
     * The core values plus every {@code stride}-th of the others, starting at {@code site}: neighbouring
     * inputs get different values, so every value is still sent to every operation with a few inputs, at
     * a fraction of the requests.
     */
    public static <T> List<T> sample(List<T> values, int site, int stride) {
        List<T> sampled = new ArrayList<>();
        int other = 0;
        for (T value : values) {
            if (CORE.contains(value.toString()) || other++ % stride == Math.floorMod(site, stride)) {
                sampled.add(value);
            }
        }
        return sampled;
    }

    /** Percent-encoded values for a query, path or header parameter of {@code kind}. */
    public static List<HostileText> forText(Kind kind) {
        List<HostileText> values = new ArrayList<>();
        for (Hostile value : pick(
                STRINGS,
                "NUL",
                "NUL inside",
                "control chars",
                "unpaired high surrogate",
                "unpaired low surrogate",
                "RTL override",
                "emoji",
                "noncharacters",
                "empty",
                "blank",
                "10 kB",
                "SQL injection",
                "LIKE wildcards",
                "path traversal")) {
            values.add(text(value.label(), (String) value.json()));
        }
        values.add(new HostileText("percent-encoded surrogate bytes", "%ED%A0%80", null));
        values.add(new HostileText("invalid UTF-8 bytes", "a%C3%28b", null));
        values.add(new HostileText("encoded slash", "a%2Fb", "a/b"));
        // "+5" and other scripts' digits ("١٠", "１２"): what Integer.parseInt reads as numbers, and this API does not
        for (String number : List.of("-1", "99999999999", "1e999999", "NaN", "9".repeat(400), "+5", "١٠", "１２")) {
            values.add(text("number " + abbreviate(number), number));
        }
        for (Hostile date :
                pick(DATES, "date +999999999-12-31", "date 5874898-01-01", "date -4713-11-23", "date 2026-02-30")) {
            values.add(text(date.label(), (String) date.json()));
        }
        for (Hostile instant : pick(DATE_TIMES, "instant +1000000000", "instant 294277", "instant -4714")) {
            values.add(text(instant.label(), (String) instant.json()));
        }
        values.add(text("null", "null"));
        values.add(text("JSON array", "[1,2]"));
        values.add(text("1000-item list", "a,".repeat(999) + "a"));
        List<Hostile> typed = kind == Kind.DATE ? DATES : kind == Kind.DATE_TIME ? DATE_TIMES : List.of();
        for (Hostile value : typed) {
            values.add(text(value.label(), (String) value.json()));
        }
        return dedupeText(values);
    }

    /** Filter values after an operator: everything {@link #forText} has plus operator-grammar edge cases. */
    public static List<HostileText> forFilterValue(Kind kind) {
        List<HostileText> values = new ArrayList<>(forText(kind));
        values.add(text("parenthesized empty list", "()"));
        values.add(text("braced NUL list", "{\u0000,a}"));
        values.add(text("101-item list", "a,".repeat(100) + "a"));
        values.add(text("trailing dot", "a."));
        return values;
    }

    /** A hostile header value the HTTP client can send (no control characters). */
    public static List<HostileText> forHeader() {
        List<HostileText> values = new ArrayList<>();
        for (HostileText value : forText(Kind.STRING)) {
            if (value.plain() != null
                    && value.plain().chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                    && !value.plain().isEmpty()
                    && !value.plain().matches("[0-9\"-]+")) {
                values.add(value);
            }
        }
        values.add(new HostileText("non-ASCII", null, "\u00e9t\u00e9"));
        values.add(new HostileText("quoted huge version", null, "\"99999999999999999999999\""));
        values.add(new HostileText("weak tag", null, "W/\"1\""));
        values.add(new HostileText("star", null, "*"));
        values.add(new HostileText("list", null, "\"1\", \"2\""));
        return values;
    }

    private static List<Hostile> elementValues(Kind itemKind) {
        List<Hostile> values = new ArrayList<>(pick(
                STRINGS,
                "NUL",
                "NUL inside",
                "unpaired high surrogate",
                "10 kB",
                "emoji",
                "blank",
                "SQL injection",
                "control chars"));
        values.addAll(pick(NUMBERS, "1e999999", "NaN"));
        values.add(BYTES.get(0));
        if (itemKind == Kind.DATE) {
            values.addAll(pick(DATES, "date +999999999-12-31", "date 2026-02-30"));
        }
        return values;
    }

    private static Map<String, Object> nullValues() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", null);
        map.put("l", Arrays.asList((Object) null));
        return map;
    }

    private static Map<String, Object> manyKeys(int count) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put("k" + i, i);
        }
        return map;
    }

    private static HostileText text(String label, String plain) {
        return new HostileText(label, encode(plain), plain);
    }

    /** Percent-encodes UTF-8; unpaired surrogates (which UTF-8 cannot carry) become their 3-byte form. */
    static String encode(String plain) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < plain.length()
                            && Character.isLowSurrogate(plain.charAt(i + 1)))) {
                out.append(String.format(
                        "%%%02X%%%02X%%%02X", 0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c)) {
                out.append(URLEncoder.encode(plain.substring(i, i + 2), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
                i++;
            } else {
                out.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            }
        }
        return out.toString();
    }

    static List<Hostile> pick(List<Hostile> from, String... labels) {
        List<String> wanted = List.of(labels);
        return from.stream().filter(h -> wanted.contains(h.label())).toList();
    }

    private static List<HostileText> dedupeText(List<HostileText> values) {
        Map<String, HostileText> byLabel = new LinkedHashMap<>();
        values.forEach(v -> byLabel.putIfAbsent(v.label(), v));
        return List.copyOf(byLabel.values());
    }

    private static List<Hostile> dedupe(List<Hostile> values) {
        Map<String, Hostile> byLabel = new LinkedHashMap<>();
        values.forEach(v -> byLabel.putIfAbsent(v.label(), v));
        return List.copyOf(byLabel.values());
    }

    static String abbreviate(String text) {
        return abbreviate(text, 24);
    }

    static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 4) + "...(" + text.length() + ")";
    }
}
