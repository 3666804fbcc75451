package io.strata.adapters.web.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.domain.shared.query.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/** The shape of every paged list: {@code {"items": [...], "page": {"limit", "nextCursor", "total"}}}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageResponse<T>(List<T> items, PageInfo page) {

    public static <D, T> PageResponse<T> of(Page<D> page, Function<? super D, ? extends T> mapper) {
        return new PageResponse<>(
                page.items().stream().<T>map(mapper).toList(),
                new PageInfo(page.limit(), page.nextCursor(), page.total()));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "PageInfo")
    public record PageInfo(
            @Schema(description = "The limit applied") int limit,

            @Schema(description = "Opaque cursor of the next page; null at the end (keyset paging)") @Nullable String nextCursor,

            @Schema(description = "Total matches; only with count=exact (exact) or count=estimated") @Nullable Long total) {}
}
