package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The request readers' guard for every endpoint under {@code /api}: a query parameter, the path or a
 * JSON body value that PostgreSQL could not store ({@link Storable}: NUL, unpaired surrogates, numbers
 * out of bounds) is a 400 naming it ({@code q}, {@code tasks[2].title}) before anything is bound, so an
 * endpoint that forgets a check still cannot reach the database with it. The domain's value types and
 * the filter parser check the same rules again where values are stored or compared; this filter is the
 * net under new endpoints. Runs after authentication (anonymous calls to protected endpoints are
 * refused without reading their body) and before {@link IdempotencyFilter} (which stores the path).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class StorableInputFilter implements Ordered {
    private static final long BODY_TIMEOUT_SECONDS = 60;

    private final OffEventLoop offEventLoop;

    public StorableInputFilter(OffEventLoop offEventLoop) {
        this.offEventLoop = offEventLoop;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() - 1;
    }

    /**
     * The path and the parameters at once, on the event loop; a JSON body on a blocking thread once Netty has it all
     * (no thread waits for it). Null: nothing to wait for, go on. A refusal is thrown (400).
     */
    @RequestFilter
    public @Nullable CompletableFuture<@Nullable HttpRequest<?>> check(ServerHttpRequest<?> request) {
        if (!FilterPaths.under(request, FilterPaths.API)) {
            return null;
        }
        if (!plainRequestLine(request)) {
            refuse(
                    hasQuery(request)
                            ? StorableInput.firstProblem(request.getPath(), request.getParameters())
                            : StorableInput.pathProblem(request.getPath()));
        }
        if (!request.getContentType().map(StorableInputFilter::isJson).orElse(false)) {
            return null;
        }
        CompletableFuture<? extends CloseableAvailableByteBody> buffered =
                request.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer();
        return offEventLoop.whenDone(
                buffered.copy().orTimeout(BODY_TIMEOUT_SECONDS, TimeUnit.SECONDS), (body, failure) -> {
                    if (failure != null) {
                        buffered.cancel(true);
                        buffered.thenAccept(CloseableAvailableByteBody::close); // a body that still arrives is let go
                        // too large, cut off or too slow: reading it for the controller fails the same way
                        return request;
                    }
                    try (CloseableAvailableByteBody copy = body) {
                        refuse(StorableInput.firstProblem(copy.toByteArray()));
                        return request;
                    }
                });
    }

    /**
     * Whether the request line has a query. Asking a request for its parameters makes Micronaut parse the URI and
     * decode the query even when there is none, and iterating the empty result cost as much again: the filter was
     * 2.9% of the samples of {@code GET /users/{id}} in the benchmark's profile, 0.3% with this check (an endpoint
     * that binds a query value still decodes the URI, once, when it binds). Netty's raw request line answers
     * without either; a request of another kind (a filter's wrapper) is decoded as before.
     */
    static boolean hasQuery(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty) {
            return netty.getNativeRequest().uri().indexOf('?') >= 0;
        }
        return true;
    }

    /**
     * Whether the raw request line (path and query) is printable ASCII without a {@code %}: then nothing in the decoded
     * path or parameters can be unstorable, since only a percent-encoding decodes to a NUL or to a lone surrogate, and
     * the decoded values need not be scanned again (a list page's query was 1.5% of its samples). Anything else, or a
     * request of another kind (a filter's wrapper), is decoded and checked.
     */
    static boolean plainRequestLine(HttpRequest<?> request) {
        if (!(request instanceof NettyHttpRequest<?> netty)) {
            return false;
        }
        String uri = netty.getNativeRequest().uri();
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '%') {
                return false;
            }
        }
        return true;
    }

    private static void refuse(ValidationException.@Nullable FieldError problem) {
        if (problem != null) {
            throw new ValidationException(List.of(problem));
        }
    }

    private static boolean isJson(MediaType type) {
        String subtype = type.getSubtype();
        return subtype.equals("json") || subtype.endsWith("+json");
    }
}
