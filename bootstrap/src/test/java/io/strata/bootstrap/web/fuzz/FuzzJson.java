package io.strata.bootstrap.web.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * A JSON writer for hostile bodies: plain Java values (Map, List, String, Number, Boolean, null) plus
 * {@link Raw} text and {@link RawBytes} that are written as they are (numbers no Java type can hold,
 * {@code NaN}, broken UTF-8, deep nesting). Unpaired surrogates and control characters in strings are
 * written as {@code \\uXXXX} escapes, so the bytes on the wire stay valid UTF-8 unless a test asks
 * otherwise.
 */
public final class FuzzJson {
    private FuzzJson() {}

    /** JSON text written as is. */
    public record Raw(String json) {}

    /** Bytes written as is (e.g. invalid UTF-8 inside a string). */
    public record RawBytes(byte[] bytes) {}

    public static byte[] bytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        if (value == null) {
            ascii(out, "null");
        } else if (value instanceof Raw raw) {
            ascii(out, raw.json());
        } else if (value instanceof RawBytes raw) {
            out.writeBytes(raw.bytes());
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Number || value instanceof Boolean) {
            ascii(out, value.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.write('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                Object key = entry.getKey();
                if (key instanceof Raw || key instanceof RawBytes) {
                    write(out, key);
                } else {
                    string(out, String.valueOf(key));
                }
                out.write(':');
                write(out, entry.getValue());
            }
            out.write('}');
        } else if (value instanceof Collection<?> items) {
            out.write('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                write(out, item);
            }
            out.write(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void string(ByteArrayOutputStream out, String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                escaped.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        out.writeBytes(escaped.append('"').toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
