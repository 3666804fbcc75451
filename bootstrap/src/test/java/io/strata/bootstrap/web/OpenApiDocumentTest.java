package io.strata.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.web.router.Router;
import io.strata.adapters.web.shared.ListQuery;
import io.strata.adapters.web.shared.openapi.ListEndpoint;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.domain.ai.AiInteractionSearch;
import io.strata.domain.ai.ModelPriceSearch;
import io.strata.domain.community.CaseSearch;
import io.strata.domain.community.MemberSearch;
import io.strata.domain.content.DocumentRevisionSearch;
import io.strata.domain.content.DocumentSearch;
import io.strata.domain.content.StoredFileSearch;
import io.strata.domain.identity.UserSearch;
import io.strata.domain.plugins.PluginSearch;
import io.strata.domain.shared.query.FilterOperator;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.QueryField;
import io.strata.domain.shared.query.QuerySchema;
import io.strata.domain.workspace.ProjectSearch;
import io.strata.domain.workspace.TaskSearch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The served OpenAPI document ({@code /openapi.yml}) says what the code does: every list endpoint documents
 * exactly the filters, operators, value types and sort keys of the allow-list it reads its query with (and every
 * documented filter is accepted by the endpoint, anything else is a 400), every PATCH body documents exactly the
 * fields the merge patch accepts, and every operation documents its problem responses.
 */
class OpenApiDocumentTest extends IntegrationTest {
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Set<String> PAGING = Set.of(
            ListQuery.LIMIT,
            ListQuery.CURSOR,
            ListQuery.PAGE,
            ListQuery.SIZE,
            ListQuery.COUNT,
            ListQuery.SORT,
            ListQuery.Q);

    private Map<String, Object> document;
    private List<ListEndpoint> lists;
    private String projectId;
    /** A guild the admin created (so its lists answer 200): the chat platform's id. */
    private final String guildId = String.valueOf(System.nanoTime() & 0xffff_ffffL);

    private String documentId;

    @BeforeAll
    void readTheServedDocument() {
        Api.Response served = api().get("/openapi.yml").send().expect(200);
        assertThat(served.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        document = new Yaml().load(served.body());
        lists = ListEndpoint.of(bean(Router.class));
        projectId = (String) api().post("/api/v1/projects")
                .token(adminToken())
                .json(Map.of("name", Api.unique("openapi")))
                .send()
                .expect(201)
                .json()
                .get("id");
        api().get("/api/v1/guilds/" + guildId + "/config")
                .token(adminToken())
                .send()
                .expect(200);
        documentId = (String) api().post("/api/v1/documents")
                .token(adminToken())
                .json(Map.of("title", Api.unique("openapi"), "kind", "TEXT"))
                .send()
                .expect(201)
                .json()
                .get("id");
    }

    @Test
    void theListEndpointsAreFoundWithTheirAllowLists() {
        Map<String, QuerySchema> found = new LinkedHashMap<>();
        lists.forEach(list -> found.put(list.method() + " " + list.path(), list.schema()));
        assertThat(found)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("GET /api/v1/users", UserSearch.SCHEMA),
                        Map.entry("GET /api/v1/projects", ProjectSearch.SCHEMA),
                        Map.entry("GET /api/v1/projects/{id}/tasks", TaskSearch.SCHEMA),
                        Map.entry("GET /api/v1/me/tasks", TaskSearch.SCHEMA),
                        Map.entry("GET /api/v1/ai/interactions", AiInteractionSearch.SCHEMA),
                        Map.entry("GET /api/v1/ai/prices", ModelPriceSearch.SCHEMA),
                        Map.entry("GET /api/v1/files", StoredFileSearch.SCHEMA),
                        Map.entry("GET /api/v1/guilds/{guildId}/members", MemberSearch.SCHEMA),
                        Map.entry("GET /api/v1/guilds/{guildId}/cases", CaseSearch.SCHEMA),
                        Map.entry("GET /api/v1/plugins", PluginSearch.SCHEMA),
                        Map.entry("GET /api/v1/documents", DocumentSearch.SCHEMA),
                        Map.entry("GET /api/v1/documents/shared", DocumentSearch.SCHEMA),
                        Map.entry("GET /api/v1/documents/{id}/revisions", DocumentRevisionSearch.SCHEMA)));
    }

    @Test
    void everyOperationAnsweringAPageIsADocumentedListEndpoint() {
        Set<String> pages = new TreeSet<>();
        operations().forEach((key, operation) -> {
            Map<String, Object> ok = map(map(operation.get("responses")).get("200"));
            String schema = String.valueOf(
                    map(map(map(ok.get("content")).get("application/json")).get("schema"))
                            .get("$ref"));
            if (schema.contains("PageResponse")) {
                pages.add(key);
            }
        });
        assertThat(pages)
                .containsExactlyInAnyOrderElementsOf(lists.stream()
                        .map(list -> list.method() + " " + list.path())
                        .toList());
    }

    @Test
    void listParametersAreExactlyTheAllowListTyped() {
        for (ListEndpoint list : lists) {
            QuerySchema schema = list.schema();
            Map<String, Map<String, Object>> query = queryParameters(list);
            String where = list.method() + " " + list.path();

            Set<String> expected = new TreeSet<>(PAGING);
            expected.addAll(schema.filterableFields());
            assertThat(query.keySet()).as("%s: query parameters", where).containsExactlyInAnyOrderElementsOf(expected);

            assertThat(schemaOf(query.get(ListQuery.LIMIT)))
                    .as(where)
                    .containsEntry("type", "integer")
                    .containsEntry("minimum", 1)
                    .containsEntry("maximum", PageRequest.MAX_LIMIT)
                    .containsEntry("default", PageRequest.DEFAULT_LIMIT);
            assertThat(schemaOf(query.get(ListQuery.SIZE)))
                    .containsEntry("type", "integer")
                    .containsEntry("maximum", PageRequest.MAX_LIMIT);
            assertThat(schemaOf(query.get(ListQuery.PAGE))).containsEntry("type", "integer");
            assertThat(schemaOf(query.get(ListQuery.Q)))
                    .containsEntry("type", "string")
                    .containsEntry("maxLength", ListQuery.MAX_Q_LENGTH);
            assertThat(list(map(schemaOf(query.get(ListQuery.COUNT))).get("enum")))
                    .contains("exact", "estimated");

            Set<String> sortKeys = new TreeSet<>();
            schema.sortableFields().forEach(field -> sortKeys.addAll(List.of(field, "-" + field)));
            assertThat(list(map(schemaOf(query.get(ListQuery.SORT)).get("items"))
                            .get("enum")))
                    .as("%s: sort", where)
                    .containsExactlyInAnyOrderElementsOf(sortKeys);

            for (String name : schema.filterableFields()) {
                QueryField field = schema.field(name);
                Map<String, Object> parameter = query.get(name);
                List<String> operators = Arrays.stream(FilterOperator.values())
                        .filter(field.operators()::contains)
                        .map(op -> op.name().toLowerCase(Locale.ROOT))
                        .toList();
                assertThat(list(parameter.get("x-operators")))
                        .as("%s %s operators", where, name)
                        .containsExactlyElementsOf(operators);
                assertThat(schemaOf(parameter))
                        .as("%s %s: a repeatable op.value", where, name)
                        .containsEntry("type", "array");
                String pattern = (String) map(schemaOf(parameter).get("items")).get("pattern");
                operators.forEach(op -> assertThat(pattern).contains(op));
                assertThat(map(parameter.get("x-value")))
                        .as("%s %s value", where, name)
                        .containsAllEntriesOf(valueSchema(field));
                assertThat((String) parameter.get("description")).contains(String.join(", ", operators));
            }
        }
    }

    @Test
    void everyDocumentedFilterOperatorAndSortKeyIsAcceptedAndAnythingElseIsRejected() {
        api().get("/api/v1/guilds/" + guildId + "/config")
                .token(adminToken())
                .send()
                .expect(200); // the guild exists
        int sent = 0;
        for (ListEndpoint list : lists) {
            String path = list.path()
                    .replace("{id}", list.path().startsWith("/api/v1/documents/") ? documentId : projectId)
                    .replace("{guildId}", guildId);
            Map<String, Map<String, Object>> query = queryParameters(list);
            for (Map.Entry<String, Map<String, Object>> parameter : query.entrySet()) {
                String name = parameter.getKey();
                for (Object example : list(parameter.getValue().getOrDefault("example", List.of()))) {
                    get(path, name, String.valueOf(example)).expect(200);
                    sent++;
                }
                Map<String, Object> value = map(parameter.getValue().get("x-value"));
                for (Object operator : list(parameter.getValue().getOrDefault("x-operators", List.of()))) {
                    get(path, name, operator + "." + sample((String) operator, value))
                            .expect(200);
                    sent++;
                }
            }
            for (Object key :
                    list(map(schemaOf(query.get(ListQuery.SORT)).get("items")).get("enum"))) {
                get(path, ListQuery.SORT, (String) key).expect(200);
                sent++;
            }
            assertThat(get(path, "undocumented", "eq.x").errorFields(400)).containsExactly("undocumented");
            assertThat(get(path, ListQuery.SORT, "undocumented").errorFields(400))
                    .containsExactly(ListQuery.SORT);
        }
        assertThat(sent).isGreaterThan(100);
    }

    @Test
    void patchBodiesDocumentExactlyTheFieldsTheMergePatchAccepts() {
        String userId = api().newUser(adminToken(), "oa-patch", null).id();
        String taskId = (String) api().post("/api/v1/projects/" + projectId + "/tasks")
                .token(adminToken())
                .json(Map.of("title", "t"))
                .send()
                .expect(201)
                .json()
                .get("id");
        String pluginId = (String) api().post("/api/v1/plugins")
                .token(adminToken())
                .json(Map.of("slug", "oa-patch", "name", "p", "version", "1.0.0", "type", "UI"))
                .send()
                .expect(201)
                .json()
                .get("id");
        Map<String, String> ids = Map.of(
                "/api/v1/users/{id}", userId,
                "/api/v1/projects/{id}", projectId,
                "/api/v1/tasks/{id}", taskId,
                "/api/v1/guilds/{guildId}/config", guildId,
                "/api/v1/plugins/{id}", pluginId);
        Map<String, Map<String, Object>> patches = new TreeMap<>();
        operations().forEach((key, operation) -> {
            // a tus append (application/offset+octet-stream) is no merge patch
            if (key.startsWith("PATCH ") && !key.equals("PATCH /api/v1/files/uploads/{id}")) {
                patches.put(key.substring("PATCH ".length()), operation);
            }
        });
        assertThat(patches.keySet()).containsExactlyInAnyOrderElementsOf(ids.keySet());
        patches.forEach((path, operation) -> {
            Map<String, Object> content = map(map(operation.get("requestBody")).get("content"));
            assertThat(content).containsKeys("application/merge-patch+json", "application/json");
            Set<String> documented = new TreeSet<>(map(resolve(map(map(content.get("application/merge-patch+json"))
                                    .get("schema")))
                            .get("properties"))
                    .keySet());
            // the 400 for a field outside the declaration names the accepted ones
            Map<String, Object> problem = api().patch(
                            path.replace("{id}", ids.get(path)).replace("{guildId}", ids.get(path)))
                    .token(adminToken())
                    .ifMatch("\"1\"")
                    .raw("{\"undocumented\":1}", "application/merge-patch+json")
                    .send()
                    .problem(400);
            assertThat((String) map(list(problem.get("errors")).get(0)).get("message"))
                    .as(path)
                    .endsWith("patchable fields: " + String.join(", ", documented));
        });
    }

    @Test
    void everyOperationDocumentsItsProblemResponses() {
        operations().forEach((key, operation) -> {
            Map<String, Object> responses = map(operation.get("responses"));
            assertThat(responses).as(key).containsKeys("400", "401", "503");
            if (parameters(operation).stream().anyMatch(p -> "If-Match".equals(p.get("name")))) {
                assertThat(responses).as("%s takes If-Match", key).containsKey("412");
            }
            responses.forEach((status, response) -> {
                if (Integer.parseInt(status) >= 400) {
                    Map<String, Object> content = map(map(response).get("content"));
                    assertThat(content).as("%s %s", key, status).containsOnlyKeys("application/problem+json");
                    assertThat(map(map(content.get("application/problem+json")).get("schema")))
                            .as("%s %s", key, status)
                            .containsEntry("$ref", PROBLEM_REF);
                }
            });
        });
        assertThat(map(map(document.get("components")).get("schemas"))).containsKey("Problem");
    }

    // ------------------------------------------------------------------ helpers

    private Api.Response get(String path, String name, String value) {
        return api().get(path + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))
                .token(adminToken())
                .send();
    }

    /** A value of the documented type that the operator takes. */
    private static String sample(String operator, Map<String, Object> value) {
        switch (operator) {
            case "is":
                return "boolean".equals(value.get("type")) ? "true" : "null";
            case "like", "ilike":
                return "*a*";
            default:
                break;
        }
        String one = value.get("enum") instanceof List<?> constants
                ? String.valueOf(constants.get(0))
                : switch (String.valueOf(value.get("format"))) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> "2026-01-01";
                    case "date-time" -> "2026-01-01T00:00:00Z";
                    case "json" -> "{\"a\":1}";
                    default ->
                        switch (String.valueOf(value.get("type"))) {
                            case "boolean" -> "true";
                            case "integer", "number" -> "1";
                            default -> "a";
                        };
                };
        if ("json".equals(value.get("format"))) {
            return one;
        }
        return operator.equals("in") || operator.equals("cs") ? one + "," + one : one;
    }

    /** The schema the document must give a value of {@code field}, from its declared type alone. */
    private static Map<String, Object> valueSchema(QueryField field) {
        return switch (field.type()) {
            case TEXT, TEXT_SET -> Map.of("type", "string");
            case JSON_OBJECT -> Map.of("type", "string", "format", "json");
            case UUID -> Map.of("type", "string", "format", "uuid");
            case INSTANT -> Map.of("type", "string", "format", "date-time");
            case DATE -> Map.of("type", "string", "format", "date");
            case INTEGER -> Map.of("type", "integer");
            case DECIMAL -> Map.of("type", "number");
            case BOOLEAN -> Map.of("type", "boolean");
            case ENUM ->
                Map.of(
                        "type",
                        "string",
                        "enum",
                        Arrays.stream(field.enumType().getEnumConstants())
                                .map(Enum::name)
                                .toList());
        };
    }

    /** Every operation by {@code METHOD /path}. */
    private Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        map(document.get("paths"))
                .forEach((path, item) -> map(item).forEach((method, operation) -> {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                        operations.put(method.toUpperCase(Locale.ROOT) + " " + path, map(operation));
                    }
                }));
        return operations;
    }

    private Map<String, Map<String, Object>> queryParameters(ListEndpoint list) {
        Map<String, Object> operation = operations().get(list.method() + " " + list.path());
        assertThat(operation)
                .as("%s %s in the document", list.method(), list.path())
                .isNotNull();
        Map<String, Map<String, Object>> query = new LinkedHashMap<>();
        for (Map<String, Object> parameter : parameters(operation)) {
            if ("query".equals(parameter.get("in"))) {
                assertThat(query.put((String) parameter.get("name"), parameter))
                        .as("duplicate %s", parameter)
                        .isNull();
            }
        }
        return query;
    }

    private static List<Map<String, Object>> parameters(Map<String, Object> operation) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        list(operation.getOrDefault("parameters", List.of())).forEach(p -> parameters.add(map(p)));
        return parameters;
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ((String) ref).substring(((String) ref).lastIndexOf('/') + 1);
        return map(map(map(document.get("components")).get("schemas")).get(name));
    }

    private static Map<String, Object> schemaOf(Map<String, Object> parameter) {
        assertThat(parameter).isNotNull();
        return map(parameter.get("schema"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
