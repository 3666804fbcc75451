package io.strata.adapters.web.shared;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.LimitingStream;
import io.micronaut.serde.support.DefaultSerdeRegistry;
import io.micronaut.serde.support.util.JsonNodeDecoder;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * JSON scalars are read as the type they are: a boolean field takes {@code true} or {@code false}, a number field a
 * JSON number. Micronaut Serialization 2.x coerces ({@code "yes"} becomes {@code false}, {@code "12"} becomes 12,
 * {@code 1} becomes {@code true}) and has no setting to stop it (its coercion settings arrived in 3.x), so these
 * deserializers, {@code @Primary} over the built-in ones, check the value's JSON type first. A boolean or a null goes
 * on to the built-in deserializer (its rules for nulls and primitives stay); a number is converted exactly (a
 * fraction for an integer field, or a value out of the type's range, fails: nothing is rounded or wrapped). A value
 * of the wrong type fails as serde's own wrong-token error does, so {@link JsonBodyHandlers} answers 400 naming the
 * field. Every request body of every context is read through them.
 */
@Factory
public class StrictScalars {
    private static final String BOOLEAN = "VALUE_TRUE";
    private static final String INTEGER = "VALUE_NUMBER_INT";
    private static final String NUMBER = "VALUE_NUMBER_FLOAT";

    @Singleton
    @Primary
    Deserializer<Boolean> strictBoolean() {
        return new Strict<>(DefaultSerdeRegistry.BOOLEAN_SERDE, BOOLEAN, null);
    }

    @Singleton
    @Primary
    Deserializer<Integer> strictInteger() {
        return new Strict<>(
                DefaultSerdeRegistry.INTEGER_SERDE,
                INTEGER,
                n -> integral(n, "int").intValueExact());
    }

    @Singleton
    @Primary
    Deserializer<Long> strictLong() {
        return new Strict<>(
                DefaultSerdeRegistry.LONG_SERDE,
                INTEGER,
                n -> integral(n, "long").longValueExact());
    }

    @Singleton
    @Primary
    Deserializer<Short> strictShort() {
        return new Strict<>(
                DefaultSerdeRegistry.SHORT_SERDE,
                INTEGER,
                n -> integral(n, "short").shortValueExact());
    }

    @Singleton
    @Primary
    Deserializer<Byte> strictByte() {
        return new Strict<>(
                DefaultSerdeRegistry.BYTE_SERDE,
                INTEGER,
                n -> integral(n, "byte").byteValueExact());
    }

    @Singleton
    @Primary
    Deserializer<BigInteger> strictBigInteger() {
        return new Strict<>(DefaultSerdeRegistry.BIG_INTEGER_SERDE, INTEGER, n -> integral(n, "integer"));
    }

    @Singleton
    @Primary
    Deserializer<Double> strictDouble() {
        return new Strict<>(DefaultSerdeRegistry.DOUBLE_SERDE, NUMBER, BigDecimal::doubleValue);
    }

    @Singleton
    @Primary
    Deserializer<Float> strictFloat() {
        return new Strict<>(DefaultSerdeRegistry.FLOAT_SERDE, NUMBER, BigDecimal::floatValue);
    }

    @Singleton
    @Primary
    Deserializer<BigDecimal> strictBigDecimal() {
        return new Strict<>(DefaultSerdeRegistry.BIG_DECIMAL_SERDE, NUMBER, n -> n);
    }

    /** A whole number as an exact integer; a fraction is the wrong type, too large a value out of range. */
    private static BigInteger integral(BigDecimal number, String type) {
        try {
            return number.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new WrongValue("Unexpected token " + NUMBER + ", expected " + INTEGER);
        }
    }

    /** A JSON number converted to the field's type. */
    interface Conversion<T> {
        T convert(BigDecimal number);
    }

    /** Carries a message out of a conversion to the decoder, which turns it into serde's error (with the path). */
    private static final class WrongValue extends RuntimeException {
        WrongValue(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The check in front of a built-in deserializer ({@code expected}: serde's token name). Nulls, and booleans,
     * go to the built-in one; numbers are converted exactly ({@code conversion}), never rounded or wrapped.
     */
    record Strict<T>(Deserializer<T> builtIn, String expected, Conversion<T> conversion) implements Deserializer<T> {
        @Override
        public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            JsonNode value = checked(decoder);
            if (value.isNull() || conversion == null) {
                return builtIn.deserialize(JsonNodeDecoder.create(value, LimitingStream.DEFAULT_LIMITS), context, type);
            }
            return convert(decoder, value, type);
        }

        @Override
        public T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type)
                throws IOException {
            JsonNode value = checked(decoder);
            if (value.isNull() || conversion == null) {
                return builtIn.deserializeNullable(
                        JsonNodeDecoder.create(value, LimitingStream.DEFAULT_LIMITS), context, type);
            }
            return convert(decoder, value, type);
        }

        @Override
        public T getDefaultValue(DecoderContext context, Argument<? super T> type) {
            return builtIn.getDefaultValue(context, type);
        }

        private T convert(Decoder decoder, JsonNode value, Argument<? super T> type) throws IOException {
            BigDecimal number;
            try {
                number = new BigDecimal(value.getNumberValue().toString());
            } catch (NumberFormatException e) { // NaN or an infinity
                throw decoder.createDeserializationException("Numeric value out of range", null);
            }
            try {
                return conversion.convert(number);
            } catch (WrongValue e) {
                throw decoder.createDeserializationException(e.getMessage(), null);
            } catch (ArithmeticException e) {
                throw decoder.createDeserializationException(
                        "Numeric value out of range of " + type.getSimpleName(), null);
            }
        }

        private JsonNode checked(Decoder decoder) throws IOException {
            JsonNode value = decoder.decodeNode();
            boolean fits = value.isNull() || (expected.equals(BOOLEAN) ? value.isBoolean() : value.isNumber());
            if (!fits) {
                throw decoder.createDeserializationException(
                        "Unexpected token " + token(value) + ", expected " + expected, null);
            }
            return value;
        }

        private static String token(JsonNode value) {
            if (value.isString()) {
                return "VALUE_STRING";
            }
            if (value.isBoolean()) {
                return value.getBooleanValue() ? "VALUE_TRUE" : "VALUE_FALSE";
            }
            if (value.isNumber()) {
                return INTEGER;
            }
            return value.isArray() ? "START_ARRAY" : "START_OBJECT";
        }
    }
}
