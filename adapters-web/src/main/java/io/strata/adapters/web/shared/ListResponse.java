package io.strata.adapters.web.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A complete, unpaged list: {@code {"items": [...]}} (never a top-level JSON array). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ListResponse<T>(List<T> items) {
    public ListResponse {
        items = List.copyOf(items);
    }
}
