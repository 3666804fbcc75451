package io.strata.adapters.web.shared;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds a list endpoint's {@link ListQuery} argument from the request's query parameters, read against the
 * allow-list its {@link ListParameters} names (an invalid query is one 400 problem listing every offending
 * parameter).
 */
@Singleton
public class ListQueryArgumentBinder implements TypedRequestArgumentBinder<ListQuery> {
    private static final Argument<ListQuery> TYPE = Argument.of(ListQuery.class);

    @Override
    public Argument<ListQuery> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<ListQuery> bind(ArgumentConversionContext<ListQuery> context, HttpRequest<?> source) {
        Class<?> holder = context.getArgument().getAnnotationMetadata().classValue(ListParameters.class)
                .orElseThrow(() -> new IllegalStateException("the ListQuery argument " + context.getArgument()
                        + " needs @ListParameters naming its allow-list"));
        Optional<ListQuery> query = Optional.of(ListQuery.parse(source.getParameters(), ListQuery.schemaOf(holder)));
        return () -> query;
    }
}
