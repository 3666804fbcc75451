package io.strata.adapters.web.shared;

import io.swagger.v3.oas.annotations.Parameter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the allow-list of a list endpoint, once, on its {@link ListQuery} argument: the request's paging, sort,
 * {@code q} and filter parameters are read against it ({@link ListQueryArgumentBinder}), and the OpenAPI document
 * lists exactly those parameters, typed, from the same allow-list
 * ({@link io.strata.adapters.web.shared.openapi.ListEndpoint}).
 *
 * <pre>{@code
 * @Get
 * public PageResponse<UserResponse> search(@Parameter(hidden = true) Actor actor,
 *         @ListParameters(value = UserSearch.class, q = "username, e-mail and full name") ListQuery query) {
 *     return PageResponse.of(users.search(actor, query.criteria(), query.page()), mapper::toResponse);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Parameter(hidden = true) // the argument is no parameter of its own; the document lists the query parameters
public @interface ListParameters {

    /** The domain class that holds the resource's allow-list as {@code public static final QuerySchema SCHEMA}. */
    Class<?> value();

    /** What {@code q} searches, for the document, e.g. {@code "username, e-mail and full name"}. */
    String q();

    /**
     * Query parameters the endpoint reads itself (e.g. {@code include}, as {@code @QueryValue} arguments that
     * document themselves): they are no filters.
     */
    String[] ignored() default {};
}
