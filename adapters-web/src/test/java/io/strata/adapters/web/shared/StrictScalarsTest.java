package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.exceptions.SerdeException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scalars are read as their JSON type only: no string for a boolean or a number, no number for a boolean. */
class StrictScalarsTest {
    private static ApplicationContext context;
    private static ObjectMapper json;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of("micronaut.server.port", "-1"));
        json = context.getBean(ObjectMapper.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Serdeable
    @Introspected
    record Scalars(
            @Nullable Boolean flag,
            boolean primitiveFlag,
            @Nullable Integer count,
            int primitiveCount,
            @Nullable Long big,
            @Nullable Double ratio,
            @Nullable BigDecimal amount) {}

    @Test
    void valuesOfTheirOwnTypeAndNullsAreRead() throws Exception {
        Scalars read = json.readValue(
                "{\"flag\":true,\"primitiveFlag\":false,\"count\":12,\"primitiveCount\":-3,\"big\":9007199254740993,"
                        + "\"ratio\":0.5,\"amount\":12.25}",
                Scalars.class);
        assertThat(read).isEqualTo(new Scalars(true, false, 12, -3, 9007199254740993L, 0.5, new BigDecimal("12.25")));
        assertThat(json.readValue("{\"flag\":null,\"count\":null,\"ratio\":1}", Scalars.class))
                .isEqualTo(new Scalars(null, false, null, 0, null, 1.0, null));
    }

    @Test
    void aStringOrANumberForABooleanIsRefused() {
        for (String body : new String[] {
            "{\"flag\":\"yes\"}",
            "{\"flag\":\"true\"}",
            "{\"primitiveFlag\":\"false\"}",
            "{\"flag\":1}",
            "{\"flag\":[true]}"
        }) {
            assertThatThrownBy(() -> json.readValue(body, Scalars.class))
                    .as(body)
                    .isInstanceOf(SerdeException.class)
                    .hasMessageContaining("expected VALUE_TRUE");
        }
    }

    @Test
    void aStringOrABooleanForANumberIsRefused() {
        for (String body : new String[] {
            "{\"count\":\"12\"}",
            "{\"primitiveCount\":\"1\"}",
            "{\"big\":\"9\"}",
            "{\"count\":true}",
            "{\"ratio\":\"0.5\"}",
            "{\"amount\":\"1\"}"
        }) {
            assertThatThrownBy(() -> json.readValue(body, Scalars.class))
                    .as(body)
                    .isInstanceOf(SerdeException.class)
                    .hasMessageContaining("expected VALUE_NUMBER");
        }
    }

    @Test
    void theBuiltInRulesStillApplyToNumbersOfTheRightType() throws Exception {
        for (String body : new String[] {
            "{\"count\":99999999999}",
            "{\"primitiveCount\":2147483648}",
            "{\"big\":9223372036854775808}",
            "{\"count\":1.5}"
        }) {
            assertThatThrownBy(() -> json.readValue(body, Scalars.class))
                    .as(body)
                    .isInstanceOf(SerdeException.class);
        }
        Scalars whole = json.readValue("{\"count\":12.0,\"amount\":1e2}", Scalars.class);
        assertThat(whole.count()).isEqualTo(12);
        assertThat(whole.amount()).isEqualByComparingTo("100");
    }
}
