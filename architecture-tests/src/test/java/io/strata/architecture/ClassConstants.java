package io.strata.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text constants of a class file: every UTF-8 entry of its constant pool, which holds its string
 * literals (SQL in text blocks included), the string parts of its concatenations and its annotation
 * values. ArchUnit sees types, not strings; the table-ownership rule needs the SQL.
 */
final class ClassConstants {
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private ClassConstants() {}

    static List<String> of(JavaClass c) {
        return c.getSource()
                .map(source -> CACHE.computeIfAbsent(source.getUri().toString(), uri -> read(source)))
                .orElse(List.of());
    }

    private static List<String> read(Source source) {
        try (InputStream in = source.getUri().toURL().openStream()) {
            return utf8Entries(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.getUri(), e);
        }
    }

    /** The constant pool layout of JVMS §4.4; only the UTF-8 entries are kept. */
    static List<String> utf8Entries(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        List<String> strings = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> strings.add(in.readUTF()); // Utf8
                case 3, 4 -> in.skipBytes(4); // Integer, Float
                case 5, 6 -> { // Long, Double: two slots
                    in.skipBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2); // Class, String, MethodType, Module, Package
                case 9, 10, 11, 12, 17, 18 -> in.skipBytes(4); // refs, NameAndType, Dynamic, InvokeDynamic
                case 15 -> in.skipBytes(3); // MethodHandle
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return strings;
    }
}
