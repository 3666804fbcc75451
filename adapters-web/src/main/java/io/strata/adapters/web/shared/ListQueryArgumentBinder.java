package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.strata.domain.shared.query.QuerySchema;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

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
        AnnotationValue<ListParameters> list = context.getArgument()
                .getAnnotationMetadata()
                .findAnnotation(ListParameters.class)
                .orElseThrow(() -> new IllegalStateException("the ListQuery argument " + context.getArgument()
                        + " needs @ListParameters naming its allow-list"));
        QuerySchema schema = ListQuery.schemaOf(list.classValue().orElseThrow());
        Optional<ListQuery> query =
                Optional.of(ListQuery.parse(source.getParameters(), schema, Set.of(list.stringValues("ignored"))));
        return () -> query;
    }
}
