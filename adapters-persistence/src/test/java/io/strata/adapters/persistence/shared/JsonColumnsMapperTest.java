package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The jsonb mapper reads as Hibernate's own (Jackson, {@code new ObjectMapper().findAndRegisterModules()}): an empty
 * object, read without a parser where Jackson would make a {@link LinkedHashMap}, is the same new, mutable map, and
 * every other text and type (a {@link HashMap}, a record, an array) is Jackson's. Hibernate's side of the mapper:
 * {@code identity.JsonColumnsTest}.
 */
class JsonColumnsMapperTest {
    private static final ObjectMapper JACKSON = new ObjectMapper().findAndRegisterModules();
    private static final Type MAP_OF_OBJECTS = new ParameterizedType() {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {String.class, Object.class};
        }

        @Override
        public Type getRawType() {
            return Map.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    };

    private final Probe mapper = new Probe();

    @Test
    void anEmptyObjectIsWhatJacksonMakesOfItANewMutableMapEachTime() throws Exception {
        for (Type type : List.of(MAP_OF_OBJECTS, Map.class, LinkedHashMap.class, Object.class, HashMap.class)) {
            Object read = mapper.read("{}", type);
            Object jackson = JACKSON.readValue("{}", JACKSON.constructType(type));

            assertThat(read).as("%s", type).isEqualTo(jackson).isExactlyInstanceOf(jackson.getClass());
            assertThat(read).isNotSameAs(mapper.read("{}", type));
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) read;
            map.put("theme", "dark"); // entities change their maps in place
            assertThat(mapper.read("{}", type)).isEqualTo(Map.of());
        }
        Map<String, Object> plain = JsonColumns.object("{}");
        assertThat(plain).isExactlyInstanceOf(LinkedHashMap.class).isEmpty();
        plain.put("theme", "dark");
        assertThat(JsonColumns.object("{}")).isEmpty();
    }

    @Test
    void everythingElseIsJacksons() throws Exception {
        assertThat(mapper.read("{\"theme\":\"dark\",\"n\":1}", MAP_OF_OBJECTS))
                .isEqualTo(JACKSON.readValue("{\"theme\":\"dark\",\"n\":1}", Map.class));
        assertThat(JsonColumns.object(" {} "))
                .isExactlyInstanceOf(LinkedHashMap.class)
                .isEmpty();
        assertThat(mapper.read("{}", Point.class)).isEqualTo(new Point(0, 0));
        assertThat(mapper.read("[]", List.class)).isEqualTo(List.of());
    }

    record Point(int x, int y) {}

    /** The mapper's protected entry point, as Hibernate calls it. */
    private static final class Probe {
        private final JsonColumns.Mapper mapper = new JsonColumns.Mapper();

        Object read(String text, Type type) {
            return mapper.fromString(text, type);
        }
    }
}
