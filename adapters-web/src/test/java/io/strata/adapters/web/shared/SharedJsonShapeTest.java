package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.strata.domain.shared.query.Page;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON of the shapes every resource shares (pages, problems), through Micronaut Serialization. */
class SharedJsonShapeTest {
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private final ObjectMapper json = ObjectMapper.getDefault();

    private Map<String, Object> write(Object value) throws Exception {
        return json.readValue(json.writeValueAsString(value), MAP);
    }

    @Test
    void pagesAndProblemsHaveTheirDocumentedShape() throws Exception {
        Map<String, Object> page = write(PageResponse.of(new Page<>(List.of(), null, null, 50), x -> x));
        assertThat(page).containsEntry("items", List.of());
        Map<String, Object> info = new HashMap<>();
        info.put("limit", 50);
        info.put("nextCursor", null);
        info.put("total", null);
        assertThat(page.get("page")).isEqualTo(info);

        Map<String, Object> problem = write(new Problem(
                "urn:strata:problem:validation",
                "Bad Request",
                400,
                "email: must not be blank",
                "/api/v1/users",
                List.of(new Problem.FieldProblem("email", "must not be blank"))));
        assertThat(problem).containsOnlyKeys("type", "title", "status", "detail", "instance", "errors");
        assertThat(write(new Problem("t", "Not Found", 404, "d", null, List.of())))
                .containsOnlyKeys("type", "title", "status", "detail");
    }
}
