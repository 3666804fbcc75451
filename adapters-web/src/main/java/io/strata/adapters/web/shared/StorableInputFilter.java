package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The request readers' guard for every endpoint under {@code /api}: a query parameter, the path or a
 * JSON body value that PostgreSQL could not store ({@link Storable}: NUL, unpaired surrogates, numbers
 * out of bounds) is a 400 naming it ({@code q}, {@code tasks[2].title}) before anything is bound, so an
 * endpoint that forgets a check still cannot reach the database with it. The domain's value types and
 * the filter parser check the same rules again where values are stored or compared; this filter is the
 * net under new endpoints. Runs after authentication (anonymous calls to protected endpoints are
 * refused without reading their body) and before {@link IdempotencyFilter} (which stores the path).
 */
@ServerFilter("/api/**")
public class StorableInputFilter implements Ordered {
    private static final long BODY_TIMEOUT_SECONDS = 60;

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() - 1;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> check(ServerHttpRequest<?> request) {
        ValidationException.FieldError problem = StorableInput.firstProblem(request.getPath(), request.getParameters());
        if (problem == null
                && request.getContentType().map(StorableInputFilter::isJson).orElse(false)) {
            byte[] body = copyOfBody(request);
            problem = body == null ? null : StorableInput.firstProblem(body);
        }
        return problem == null ? null : Problems.of(request, new ValidationException(List.of(problem)));
    }

    /** A copy of the body (the controller still reads the original), or null when it cannot be read (the binder answers). */
    private static byte @Nullable [] copyOfBody(ServerHttpRequest<?> request) {
        CompletableFuture<? extends CloseableAvailableByteBody> buffered =
                request.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer();
        try (CloseableAvailableByteBody body = buffered.get(BODY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            return body.toByteArray();
        } catch (ExecutionException | TimeoutException e) {
            buffered.cancel(true);
            return null; // too large, cut off or too slow: reading it for the controller fails the same way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean isJson(MediaType type) {
        String subtype = type.getSubtype();
        return subtype.equals("json") || subtype.endsWith("+json");
    }
}
