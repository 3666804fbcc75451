package io.strata.adapters.persistence.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@code text[]} parameter in PostgreSQL's binary array form (one dimension, from 1). pgjdbc's
 * {@code createArrayOf("text", ...)} then {@code setArray} looks the element type up three times under a lock and
 * encodes through a stream: 1.8% of a project's change in a profile, for the few tags a row holds. Should binary
 * sending be turned off for the type ({@code binaryTransferDisable}), pgjdbc sends {@link #getValue()}, the array's
 * text form ({@code {"a","b"}}), instead. Elements may be null.
 */
final class BinaryTextArray extends BinaryParameter {
    private static final long serialVersionUID = 1L;
    /** {@code text}'s type oid: the element type the array header names. */
    private static final int TEXT_OID = 25;

    private final String[] texts;
    private final byte[][] utf8;
    private final int length;

    BinaryTextArray(String[] texts) {
        super("text[]");
        this.texts = texts.clone();
        this.utf8 = new byte[texts.length][];
        int bytes = texts.length == 0 ? 12 : 20; // dimensions, has-nulls flag, element type; then size and lower bound
        for (int i = 0; i < texts.length; i++) {
            utf8[i] = texts[i] == null ? null : texts[i].getBytes(StandardCharsets.UTF_8);
            bytes += 4 + (utf8[i] == null ? 0 : utf8[i].length);
        }
        this.length = bytes;
    }

    @Override
    public int lengthInBytes() {
        return length;
    }

    @Override
    public void toBytes(byte[] bytes, int offset) {
        boolean nulls = false;
        for (byte[] text : utf8) {
            nulls |= text == null;
        }
        int at = putInt(bytes, offset, texts.length == 0 ? 0 : 1);
        at = putInt(bytes, at, nulls ? 1 : 0);
        at = putInt(bytes, at, TEXT_OID);
        if (texts.length > 0) {
            at = putInt(bytes, at, texts.length);
            at = putInt(bytes, at, 1);
        }
        for (byte[] text : utf8) {
            if (text == null) {
                at = putInt(bytes, at, -1);
            } else {
                at = putInt(bytes, at, text.length);
                System.arraycopy(text, 0, bytes, at, text.length);
                at += text.length;
            }
        }
    }

    private static int putInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
        return at + 4;
    }

    @Override
    public String getValue() {
        return literal(texts);
    }

    /** An array literal of texts: every element quoted, {@code "} and {@code \} escaped, a null element NULL. */
    static String literal(String[] texts) {
        StringBuilder text = new StringBuilder(2 + 8 * texts.length).append('{');
        for (int i = 0; i < texts.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            if (texts[i] == null) {
                text.append("NULL");
                continue;
            }
            text.append('"');
            for (int c = 0; c < texts[i].length(); c++) {
                char ch = texts[i].charAt(c);
                if (ch == '"' || ch == '\\') {
                    text.append('\\');
                }
                text.append(ch);
            }
            text.append('"');
        }
        return text.append('}').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BinaryTextArray that && Arrays.equals(that.texts, texts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(texts);
    }
}
