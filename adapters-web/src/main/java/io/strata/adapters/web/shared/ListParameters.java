package io.strata.adapters.web.shared;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the paging, counting and sorting parameters every list endpoint takes (see
 * {@link ListQuery}) in the OpenAPI document; put it on the controller method, next to the
 * resource's own filter parameters.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Parameter(name = ListQuery.LIMIT, in = ParameterIn.QUERY, description = "1 to 200 (default 50)",
        schema = @Schema(implementation = Integer.class, minimum = "1", maximum = "200"))
@Parameter(name = ListQuery.CURSOR, in = ParameterIn.QUERY, description = "page.nextCursor of the previous page",
        schema = @Schema(implementation = String.class))
@Parameter(name = ListQuery.PAGE, in = ParameterIn.QUERY, description = "1-based page (offset paging)",
        schema = @Schema(implementation = Integer.class, minimum = "1"))
@Parameter(name = ListQuery.SIZE, in = ParameterIn.QUERY, description = "page size (offset paging), 1 to 200",
        schema = @Schema(implementation = Integer.class, minimum = "1", maximum = "200"))
@Parameter(name = ListQuery.COUNT, in = ParameterIn.QUERY, description = "exact or estimated: include page.total",
        schema = @Schema(implementation = String.class, allowableValues = {"exact", "estimated"}))
@Parameter(name = ListQuery.SORT, in = ParameterIn.QUERY, description = "comma-separated keys, - for descending",
        schema = @Schema(implementation = String.class))
public @interface ListParameters {
}
