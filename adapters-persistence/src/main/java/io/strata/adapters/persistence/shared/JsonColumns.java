package io.strata.adapters.persistence.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.micronaut.configuration.hibernate.jpa.JpaConfiguration;
import io.micronaut.configuration.hibernate.jpa.conf.settings.SettingsSupplier;
import jakarta.inject.Singleton;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.type.format.AbstractJsonFormatMapper;

/**
 * How Hibernate reads and writes {@code jsonb} columns ({@code @JdbcTypeCode(SqlTypes.JSON)}): with the same Jackson
 * configuration as Hibernate's own mapper ({@code new ObjectMapper().findAndRegisterModules()}), so the text is the
 * same, but through one {@link ObjectReader} and {@link ObjectWriter} per Java type instead of resolving the type and
 * its deserializer again for every value. Hibernate's mapper did that resolution on every row: in the benchmark's
 * profile of a page of users (a {@code preferences} map each), Jackson was about 5% of the CPU, a third of it looking
 * up the type.
 */
@Singleton
public class JsonColumns implements SettingsSupplier {
    private static final Mapper MAPPER = new Mapper();
    /** jsonb's text of an empty object: the columns' default (most users' preferences), read without a parser. */
    private static final String EMPTY_OBJECT = "{}";

    @Override
    public Map<String, Object> supply(JpaConfiguration jpaConfiguration) {
        return Map.of(AvailableSettings.JSON_FORMAT_MAPPER, MAPPER);
    }

    /** A JSON object read as Hibernate reads a {@code Map<String, Object>} column: {@link PlainReads} rows use it. */
    static Map<String, Object> object(String json) throws JsonProcessingException {
        return EMPTY_OBJECT.equals(json) ? new LinkedHashMap<>() : MAPPER.objects.readValue(json);
    }

    /** A JSON object's text as Hibernate writes a {@code Map<String, Object>} column: {@link AggregateTable} binds it. */
    static String text(Map<String, Object> object) {
        return MAPPER.toString(object, Map.class);
    }

    /** The mapper; its readers and writers are immutable and shared by every thread. */
    static final class Mapper extends AbstractJsonFormatMapper {
        /** Column types are a handful of declared attribute types; anything beyond this is not remembered. */
        private static final int MAX_TYPES = 256;

        private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        private final ObjectReader objects = json.readerFor(LinkedHashMap.class);
        private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();
        private final Map<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        protected <T> T fromString(CharSequence text, Type type) {
            if (EMPTY_OBJECT.contentEquals(text) && takesLinkedHashMap(type)) {
                return (T) new LinkedHashMap<String, Object>(); // what Jackson makes of it, a new one every time
            }
            try {
                return remembered(readers, type, t -> json.readerFor(json.constructType(t)))
                        .readValue(text.toString());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Could not deserialize string to java type: " + type, e);
            }
        }

        @Override
        protected <T> String toString(T value, Type type) {
            try {
                return remembered(writers, type, t -> json.writerFor(json.constructType(t)))
                        .writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Could not serialize object of java type: " + type, e);
            }
        }

        /** Whether Jackson reads a JSON object as a {@link LinkedHashMap} for {@code type}: Map, LinkedHashMap, Object. */
        private static boolean takesLinkedHashMap(Type type) {
            Type raw = type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type;
            return raw == Map.class || raw == LinkedHashMap.class || raw == Object.class;
        }

        private static <V> V remembered(Map<Type, V> cache, Type type, Function<Type, V> make) {
            V known = cache.get(type);
            if (known != null) {
                return known;
            }
            V made = make.apply(type);
            if (cache.size() < MAX_TYPES) {
                cache.putIfAbsent(type, made);
            }
            return made;
        }
    }
}
