package io.strata.adapters.web.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.FieldType;
import io.strata.domain.shared.query.Filter;
import io.strata.domain.shared.query.FilterOperator;
import io.strata.domain.shared.query.QueryField;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.shared.query.SortOrder;
import io.strata.domain.shared.value.AsciiNumbers;
import io.strata.domain.shared.value.Storable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The list endpoints' text grammar, read against a resource's {@link QuerySchema} (the domain's
 * allow-list): filters {@code ?field=op.value} ({@code eq.ACTIVE}, {@code in.a,b}, {@code is.null},
 * {@code cs.{a,b}}) become typed {@link Filter}s, {@code ?sort=-createdAt,username} becomes
 * {@link SortOrder}s. Anything outside the allow-list, and any value that does not read as the
 * field's type, is a {@link ValidationException} that names what is allowed.
 */
public final class QueryGrammar {
    /** The longest text a filter value may be. */
    public static final int MAX_VALUE_LENGTH = 200;
    /** The most values {@code in} and {@code cs} take. */
    public static final int MAX_LIST_VALUES = 100;
    /** The longest JSON object a {@code cs} filter on a JSON field may be. */
    public static final int MAX_JSON_LENGTH = 2000;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private QueryGrammar() {}

    /** The operator's token in the grammar: {@code eq}, {@code neq}, ... */
    public static String token(FilterOperator operator) {
        return operator.name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FilterOperator> operator(String token) {
        return Optional.ofNullable(OPERATORS.get(token));
    }

    /** By token: every filter of every list request looks its operator up. */
    private static final Map<String, FilterOperator> OPERATORS =
            Arrays.stream(FilterOperator.values()).collect(Collectors.toUnmodifiableMap(QueryGrammar::token, op -> op));

    /** Reads {@code op.value} for {@code fieldName}, e.g. {@code eq.ACTIVE}, {@code in.a,b}, {@code is.null}. */
    public static Filter filter(QuerySchema schema, String fieldName, String expression) {
        QueryField field = schema.field(fieldName);
        if (field == null || field.operators().isEmpty()) {
            throw new ValidationException(
                    fieldName,
                    "unknown filter field for " + schema.resource() + "; allowed: "
                            + String.join(", ", schema.filterableFields()));
        }
        int dot = expression == null ? -1 : expression.indexOf('.');
        if (dot <= 0) {
            throw new ValidationException(
                    fieldName, "expected op.value, e.g. eq.x; operators for " + fieldName + ": " + operatorList(field));
        }
        String token = expression.substring(0, dot).toLowerCase(Locale.ROOT);
        String raw = expression.substring(dot + 1);
        FilterOperator op = operator(token)
                .filter(field.operators()::contains)
                .orElseThrow(() -> new ValidationException(
                        fieldName,
                        "operator '" + token + "' is not allowed; operators for " + fieldName + ": "
                                + operatorList(field)));
        return new Filter(fieldName, op, values(field, op, raw));
    }

    /** Reads {@code -createdAt,username}; an empty or null text gives the schema's default sort. */
    public static List<SortOrder> sort(QuerySchema schema, String text) {
        if (text == null || text.isBlank()) {
            return schema.defaultSort();
        }
        List<SortOrder> orders = new ArrayList<>();
        for (String part : text.split(",")) {
            String key = part.strip();
            boolean desc = key.startsWith("-");
            String name = desc || key.startsWith("+") ? key.substring(1) : key;
            QueryField field = schema.field(name);
            if (field == null || !field.sortable()) {
                throw new ValidationException(
                        "sort",
                        "cannot sort " + schema.resource() + " by '" + name + "'; allowed: "
                                + String.join(", ", schema.sortableFields()));
            }
            if (orders.stream().anyMatch(o -> o.field().equals(name))) {
                throw new ValidationException("sort", "'" + name + "' appears twice");
            }
            orders.add(new SortOrder(name, desc));
        }
        return orders;
    }

    private static String operatorList(QueryField field) {
        return field.operators().stream().sorted().map(QueryGrammar::token).collect(Collectors.joining(", "));
    }

    private static List<Object> values(QueryField field, FilterOperator op, String raw) {
        String name = field.name();
        if (op == FilterOperator.IS) {
            boolean bool = field.type() == FieldType.BOOLEAN;
            return List.of(
                    switch (raw.toLowerCase(Locale.ROOT)) {
                        case "null" -> Filter.IsValue.NULL;
                        case "notnull", "not_null" -> Filter.IsValue.NOT_NULL;
                        case "true" -> bool ? Filter.IsValue.TRUE : notBoolean(name);
                        case "false" -> bool ? Filter.IsValue.FALSE : notBoolean(name);
                        default ->
                            throw new ValidationException(
                                    name, bool ? "is takes null, notnull, true or false" : "is takes null or notnull");
                    });
        }
        if (field.type() == FieldType.JSON_OBJECT) {
            return List.of(jsonObject(name, raw));
        }
        if (op == FilterOperator.IN || op == FilterOperator.CS) {
            String list = raw.startsWith("(") && raw.endsWith(")") || raw.startsWith("{") && raw.endsWith("}")
                    ? raw.substring(1, raw.length() - 1)
                    : raw;
            List<Object> values = new ArrayList<>();
            for (String item : list.split(",")) {
                if (!item.isBlank()) {
                    values.add(convert(field, item.strip()));
                }
            }
            if (values.isEmpty() || values.size() > MAX_LIST_VALUES) {
                throw new ValidationException(
                        name, token(op) + " takes 1 to " + MAX_LIST_VALUES + " comma-separated values");
            }
            return values;
        }
        if ((op == FilterOperator.LIKE || op == FilterOperator.ILIKE) && raw.isEmpty()) {
            throw new ValidationException(name, token(op) + " needs a pattern; use * as wildcard");
        }
        return List.of(convert(field, raw));
    }

    /**
     * A JSON object filter value ({@code cs.{"enabled":true}}), checked and written back compactly: the value is its
     * JSON text, which the persistence adapter binds as a {@code jsonb} parameter.
     */
    private static String jsonObject(String name, String raw) {
        if (raw.length() > MAX_JSON_LENGTH) {
            throw new ValidationException(name, "JSON longer than " + MAX_JSON_LENGTH + " characters");
        }
        Object value;
        try (JsonParser parser = JSON.createParser(raw)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ValidationException(name, "cs takes a JSON object, e.g. cs.{\"enabled\":true}");
            }
            value = readJson(name, parser, 0);
            if (parser.nextToken() != null) {
                throw new ValidationException(name, "cs takes one JSON object and nothing after it");
            }
        } catch (IOException e) {
            throw new ValidationException(name, "cs takes a JSON object, e.g. cs.{\"enabled\":true}");
        }
        Storable.json(name, value);
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writeJson(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** The value at the parser's current token as Map, List, String, BigDecimal/Long, Boolean or null. */
    private static Object readJson(String name, JsonParser parser, int depth) throws IOException {
        if (depth > Storable.MAX_JSON_DEPTH) {
            throw new ValidationException(name, "is nested more than " + Storable.MAX_JSON_DEPTH + " levels deep");
        }
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IOException("unexpected end of input");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    object.put(key, readJson(name, parser, depth + 1));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readJson(name, parser, depth + 1));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getDecimalValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + token);
        }
    }

    private static void writeJson(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Map<?, ?> object) {
            json.writeStartObject();
            for (Map.Entry<?, ?> member : object.entrySet()) {
                json.writeFieldName((String) member.getKey());
                writeJson(json, member.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> array) {
            json.writeStartArray();
            for (Object item : array) {
                writeJson(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else {
            json.writeNull();
        }
    }

    private static Filter.IsValue notBoolean(String name) {
        throw new ValidationException(name, "is not a boolean; is takes null or notnull");
    }

    private static Object convert(QueryField field, String raw) {
        String name = field.name();
        try {
            return switch (field.type()) {
                case TEXT, TEXT_SET -> {
                    if (raw.length() > MAX_VALUE_LENGTH) {
                        throw new ValidationException(name, "value longer than " + MAX_VALUE_LENGTH + " characters");
                    }
                    yield Storable.text(name, raw);
                }
                case UUID -> java.util.UUID.fromString(raw);
                case INSTANT -> Storable.instant(name, Instant.parse(raw));
                case DATE -> Storable.date(name, LocalDate.parse(raw));
                case INTEGER -> number(AsciiNumbers.integer(raw));
                case DECIMAL -> Storable.decimal(name, number(AsciiNumbers.decimal(raw)));
                case BOOLEAN ->
                    switch (raw.toLowerCase(Locale.ROOT)) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        default -> throw new IllegalArgumentException();
                    };
                case ENUM -> enumValue(field, raw);
                case JSON_OBJECT -> jsonObject(name, raw);
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ValidationException(name, "'" + raw + "' is not a valid " + describe(field));
        }
    }

    /** A number {@link AsciiNumbers} read, or the failure {@link #convert} reports when it read none. */
    private static <N extends Number> N number(@Nullable N value) {
        if (value == null) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    private static Object enumValue(QueryField field, String raw) {
        for (Enum<?> constant : field.enumType().getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw)) {
                return constant;
            }
        }
        throw new ValidationException(
                field.name(),
                "'" + raw + "' is not one of "
                        + Arrays.stream(field.enumType().getEnumConstants())
                                .map(Enum::name)
                                .collect(Collectors.joining(", ")));
    }

    /** How a value of {@code field} is written, e.g. "date (YYYY-MM-DD)"; "value" for text and enumerations. */
    public static String describe(QueryField field) {
        return switch (field.type()) {
            case UUID -> "UUID";
            case INSTANT -> "ISO-8601 instant (e.g. 2026-01-31T12:00:00Z)";
            case DATE -> "date (YYYY-MM-DD)";
            case INTEGER -> "integer";
            case DECIMAL -> "decimal number";
            case BOOLEAN -> "boolean (true/false)";
            default -> "value";
        };
    }
}
