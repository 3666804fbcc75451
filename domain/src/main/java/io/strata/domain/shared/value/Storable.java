package io.strata.domain.shared.value;

import io.strata.domain.shared.error.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;

/**
 * What the platform's database (PostgreSQL) can store, in one place. Every value a client sends passes
 * these checks before it can reach a column, a JSON document, a filter parameter or a key, so a value
 * PostgreSQL would refuse is a 400 naming the field, never a database error (a 500):
 * <ul>
 *   <li>text: no NUL (U+0000; {@code text} cannot hold it) and no unpaired UTF-16 surrogate (not
 *   Unicode, so not encodable in UTF-8);</li>
 *   <li>dates: {@value #MIN_DATE_TEXT} to {@value #MAX_DATE_TEXT} ({@code date}; Java accepts years
 *   up to ±999,999,999);</li>
 *   <li>instants: {@value #MIN_INSTANT_TEXT} to {@value #MAX_INSTANT_TEXT} ({@code timestamptz});</li>
 *   <li>numbers: finite, at most {@value #MAX_DIGITS} significant digits and a decimal exponent within
 *   ±{@value #MAX_EXPONENT} (wider than any column here, narrow enough that no arithmetic on them is
 *   expensive: {@code 1e999999999} is a valid JSON number);</li>
 *   <li>JSON values ({@code jsonb}): the text rules for keys and strings, the number rules, and at most
 *   {@value #MAX_JSON_DEPTH} levels of nesting.</li>
 * </ul>
 * Each method returns its argument (null passes: whether a value is required is the caller's rule).
 */
public final class Storable {
    public static final String MIN_DATE_TEXT = "4714-11-24 BC";
    public static final String MAX_DATE_TEXT = "5874897-12-31";
    public static final String MIN_INSTANT_TEXT = "4714-11-24 00:00 BC UTC";
    public static final String MAX_INSTANT_TEXT = "294276-12-31 23:59:59.999999 UTC";
    /** PostgreSQL's first date, Julian day 0: 4714-11-24 BC, year -4713 in ISO (proleptic Gregorian) numbering. */
    public static final LocalDate MIN_DATE = LocalDate.of(-4713, 11, 24);

    public static final LocalDate MAX_DATE = LocalDate.of(5_874_897, 12, 31);
    public static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);
    public static final Instant MAX_INSTANT =
            LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000).toInstant(ZoneOffset.UTC);
    public static final int MAX_DIGITS = 1000;
    public static final int MAX_EXPONENT = 1000;
    public static final int MAX_JSON_DEPTH = 32;

    private Storable() {}

    /** Text without NUL or unpaired surrogates. */
    public static String text(String field, String value) {
        if (value != null) {
            String problem = textProblem(value);
            if (problem != null) {
                throw new ValidationException(field, problem);
            }
        }
        return value;
    }

    /** Why {@code value} cannot be stored as text, or null when it can. */
    public static String textProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate (U+D800 to U+DFFF), which is not valid Unicode";
            }
        }
        return null;
    }

    /** Every element present (not null) and storable text. */
    public static <C extends Collection<String>> C texts(String field, C values) {
        if (values != null) {
            int index = 0;
            for (String value : values) {
                String element = field + "[" + index++ + "]";
                if (value == null) {
                    throw new ValidationException(element, "must not be null");
                }
                text(element, value);
            }
        }
        return values;
    }

    /** A date PostgreSQL's {@code date} can hold. */
    public static LocalDate date(String field, LocalDate value) {
        if (value != null && (value.isBefore(MIN_DATE) || value.isAfter(MAX_DATE))) {
            throw new ValidationException(field, "must be between " + MIN_DATE_TEXT + " and " + MAX_DATE_TEXT);
        }
        return value;
    }

    /** An instant PostgreSQL's {@code timestamptz} can hold. */
    public static Instant instant(String field, Instant value) {
        if (value != null && (value.isBefore(MIN_INSTANT) || value.isAfter(MAX_INSTANT))) {
            throw new ValidationException(field, "must be between " + MIN_INSTANT_TEXT + " and " + MAX_INSTANT_TEXT);
        }
        return value;
    }

    /** A decimal of bounded size (see the class comment). */
    public static BigDecimal decimal(String field, BigDecimal value) {
        if (value != null
                && (value.precision() > MAX_DIGITS
                        || Math.abs((long) value.precision() - value.scale() - 1) > MAX_EXPONENT)) {
            throw new ValidationException(
                    field,
                    "is out of range (at most " + MAX_DIGITS + " digits, exponent within ±" + MAX_EXPONENT + ")");
        }
        return value;
    }

    /** A finite number of bounded size, of any {@link Number} type a JSON reader produces. */
    public static Number number(String field, Number value) {
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            throw new ValidationException(field, "must be a finite number");
        }
        if (value instanceof BigDecimal d) {
            decimal(field, d);
        } else if (value instanceof BigInteger i && i.bitLength() > 3 * MAX_DIGITS + MAX_DIGITS / 3) {
            throw new ValidationException(field, "is out of range (at most " + MAX_DIGITS + " digits)");
        }
        return value;
    }

    /**
     * A JSON value (Map, List, String, Number, Boolean or null, as a JSON reader produces them) that
     * {@code jsonb} can hold; the error names the path inside it, e.g. {@code preferences.theme[2]}.
     */
    public static <T> T json(String field, T value) {
        json(field, value, 0);
        return value;
    }

    private static void json(String path, Object value, int depth) {
        if (depth > MAX_JSON_DEPTH) {
            throw new ValidationException(path, "is nested more than " + MAX_JSON_DEPTH + " levels deep");
        }
        if (value == null || value instanceof Boolean) {
            return;
        }
        if (value instanceof String text) {
            text(path, text);
        } else if (value instanceof Number number) {
            number(path, number);
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new ValidationException(path, "keys must be strings");
                }
                String problem = textProblem(key);
                if (problem != null) {
                    throw new ValidationException(path, "a key " + problem);
                }
                json(path + "." + key, entry.getValue(), depth + 1);
            }
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                json(path + "[" + index++ + "]", item, depth + 1);
            }
        } else {
            throw new ValidationException(path, "is not a JSON value");
        }
    }
}
