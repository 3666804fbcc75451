package io.strata.bootstrap.web.fuzz;

import io.strata.bootstrap.web.fuzz.HostileValues.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations of an OpenAPI 3 document, read generically: parameters (path, query, header), the JSON
 * request body schema with {@code $ref}/{@code allOf} resolved, and the filter operators a list parameter
 * documents ({@code example: eq.HIGH}, an enum of {@code op.value} forms, {@code x-operators}, a schema
 * {@code pattern} such as {@code ^(eq|in)\\..+$}, or {@code op.value} forms in its description) and the type of
 * the value after the operator ({@code x-value}).
 */
public final class OpenApiOperations {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern OPERATOR =
            Pattern.compile("(?<![A-Za-z])(eq|neq|gt|gte|lt|lte|like|ilike|in|is|cs)\\.");
    private static final Pattern OPERATOR_WORD =
            Pattern.compile("(?<![A-Za-z])(eq|neq|gt|gte|lt|lte|like|ilike|in|is|cs)(?![A-Za-z])");

    public record Parameter(
            String name, String in, boolean required, Map<String, Object> schema, Kind kind, Set<String> operators) {}

    public record Operation(
            String method,
            String path,
            List<Parameter> parameters,
            Map<String, Object> bodySchema,
            String contentType,
            boolean bodyRequired) {
        public List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final Map<String, Object> schemas;
    private final List<Operation> operations = new ArrayList<>();

    @SuppressWarnings("unchecked")
    public OpenApiOperations(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(50 * 1024 * 1024);
        Map<String, Object> document = new Yaml(options).load(yaml);
        Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
        this.schemas = (Map<String, Object>) components.getOrDefault("schemas", Map.of());
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            Map<String, Object> item = (Map<String, Object>) path.getValue();
            List<Map<String, Object>> shared = (List<Map<String, Object>>) item.getOrDefault("parameters", List.of());
            for (Map.Entry<String, Object> entry : item.entrySet()) {
                if (METHODS.contains(entry.getKey())) {
                    operations.add(operation(
                            entry.getKey().toUpperCase(Locale.ROOT),
                            path.getKey(),
                            (Map<String, Object>) entry.getValue(),
                            shared));
                }
            }
        }
    }

    public List<Operation> operations() {
        return operations;
    }

    @SuppressWarnings("unchecked")
    private Operation operation(
            String method, String path, Map<String, Object> spec, List<Map<String, Object>> shared) {
        List<Parameter> parameters = new ArrayList<>();
        List<Map<String, Object>> all = new ArrayList<>(shared);
        all.addAll((List<Map<String, Object>>) spec.getOrDefault("parameters", List.of()));
        for (Map<String, Object> raw : all) {
            Map<String, Object> p = resolve(raw);
            Map<String, Object> schema = resolve((Map<String, Object>) p.getOrDefault("schema", Map.of()));
            // a filter parameter documents the type of the value after its operator as x-value
            Kind kind = p.get("x-value") instanceof Map<?, ?> value ? kind((Map<String, Object>) value) : kind(schema);
            parameters.add(new Parameter(
                    (String) p.get("name"),
                    (String) p.get("in"),
                    Boolean.TRUE.equals(p.get("required")),
                    schema,
                    kind,
                    operators(p, schema)));
        }
        Map<String, Object> bodySchema = null;
        String contentType = null;
        boolean bodyRequired = false;
        Map<String, Object> body = (Map<String, Object>) spec.get("requestBody");
        if (body != null) {
            body = resolve(body);
            bodyRequired = Boolean.TRUE.equals(body.get("required"));
            Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
            contentType = content.containsKey("application/json")
                    ? "application/json"
                    : content.keySet().stream().findFirst().orElse(null);
            if (contentType != null) {
                Map<String, Object> media = (Map<String, Object>) content.get(contentType);
                bodySchema = resolve((Map<String, Object>) media.getOrDefault("schema", Map.of()));
            }
        }
        return new Operation(method, path, List.copyOf(parameters), bodySchema, contentType, bodyRequired);
    }

    /** A schema (or parameter, or request body) with {@code $ref} and single-element {@code allOf} followed. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> current = schema == null ? Map.of() : schema;
        for (int hops = 0; hops < 20; hops++) {
            if (current.get("$ref") instanceof String ref) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                Map<String, Object> target = (Map<String, Object>) schemas.get(name);
                if (target == null) {
                    return Map.of();
                }
                current = merge(current, target);
            } else if (current.get("allOf") instanceof List<?> parts && !parts.isEmpty()) {
                Map<String, Object> merged = new LinkedHashMap<>(current);
                merged.remove("allOf");
                for (Object part : parts) {
                    merged.putAll(resolve((Map<String, Object>) part));
                }
                current = merged;
            } else {
                return current;
            }
        }
        return current;
    }

    private static Map<String, Object> merge(Map<String, Object> reference, Map<String, Object> target) {
        Map<String, Object> merged = new LinkedHashMap<>(target);
        reference.forEach((key, value) -> {
            if (!key.equals("$ref")) {
                merged.putIfAbsent(key, value);
            }
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> properties(Map<String, Object> schema) {
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        Map<String, Object> resolved = new LinkedHashMap<>();
        properties.forEach((name, value) -> resolved.put(name, resolve((Map<String, Object>) value)));
        return resolved;
    }

    @SuppressWarnings("unchecked")
    public static List<String> required(Map<String, Object> schema) {
        return (List<String>) schema.getOrDefault("required", List.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> items(Map<String, Object> schema) {
        return resolve((Map<String, Object>) schema.getOrDefault("items", Map.of()));
    }

    public static Kind kind(Map<String, Object> schema) {
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        if (schema.get("enum") instanceof List<?>) {
            return Kind.ENUM;
        }
        return switch (type) {
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            case "array" -> Kind.ARRAY;
            case "object" -> schema.containsKey("properties") ? Kind.OBJECT : Kind.OBJECT;
            default ->
                switch (format) {
                    case "uuid" -> Kind.UUID;
                    case "date" -> Kind.DATE;
                    case "date-time" -> Kind.DATE_TIME;
                    default -> Kind.STRING;
                };
        };
    }

    /** Filter operators documented for a parameter (examples, enum values, x-operators, description). */
    @SuppressWarnings("unchecked")
    private static Set<String> operators(Map<String, Object> parameter, Map<String, Object> schema) {
        Set<String> found = new LinkedHashSet<>();
        List<Object> texts = new ArrayList<>();
        texts.add(parameter.get("example"));
        texts.add(schema.get("example"));
        texts.add(parameter.get("description"));
        texts.add(schema.get("description"));
        if (parameter.get("examples") instanceof Map<?, ?> examples) {
            for (Object example : examples.values()) {
                texts.add(example instanceof Map<?, ?> e ? e.get("value") : example);
            }
        }
        if (schema.get("enum") instanceof List<?> values) {
            texts.addAll(values);
        }
        for (Object key : List.of("x-operators", "x-filter-operators")) {
            Object ops = parameter.containsKey(key) ? parameter.get(key) : schema.get(key);
            if (ops instanceof List<?> list) {
                list.forEach(op -> found.add(String.valueOf(op)));
            }
        }
        for (Object text : texts) {
            if (text != null) {
                Matcher matcher = OPERATOR.matcher(String.valueOf(text));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        if (schema.get("pattern") instanceof String pattern) { // e.g. ^(eq|neq|in)\..+$
            Matcher matcher = OPERATOR_WORD.matcher(pattern);
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }
}
