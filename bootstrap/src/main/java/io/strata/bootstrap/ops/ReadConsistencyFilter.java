package io.strata.bootstrap.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.strata.adapters.persistence.shared.replica.ReadConsistency;
import io.strata.adapters.persistence.shared.replica.ReplicaMonitor;
import io.strata.adapters.persistence.shared.replica.WalPosition;
import io.strata.adapters.web.shared.FilterPaths;
import io.strata.adapters.web.shared.OffEventLoop;
import io.strata.adapters.web.shared.Problems;
import io.strata.bootstrap.config.ReplicaWiring;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-your-writes with a read replica. A successful write answers {@value #HEADER}: the primary's WAL position
 * after the write committed. A request that sends it back is served by the replica only once the replica has
 * replayed that far, else by the primary. Without a replica this filter does not exist: every read is on the primary
 * and a token sent anyway is ignored.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "strata.database.replica.url", pattern = ".*\\S.*")
public class ReadConsistencyFilter implements Ordered {

    public static final String HEADER = "Strata-Consistency-Token";
    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Logger LOG = LoggerFactory.getLogger(ReadConsistencyFilter.class);

    private final ReplicaWiring replica;

    private final OffEventLoop offEventLoop;

    public ReadConsistencyFilter(ReplicaWiring replica, OffEventLoop offEventLoop) {
        this.replica = replica;
        this.offEventLoop = offEventLoop;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 10;
    }

    @RequestFilter
    @Nullable public HttpResponse<?> readAfter(HttpRequest<?> request, MutablePropagatedContext context) {
        String token = request.getHeaders().get(HEADER);
        if (token == null || !FilterPaths.under(request, FilterPaths.API)) {
            return null;
        }
        Optional<Long> position = WalPosition.parse(token.strip());
        if (position.isEmpty()) {
            return Problems.badRequest(
                    request,
                    HEADER + " must be a token returned by an earlier write (such as 0/16B3748), got '"
                            + Problems.abbreviate(token) + "'",
                    List.of());
        }
        if (replica.monitor().isPresent()) {
            context.add(new Element(position.get()));
        }
        return null;
    }

    /** A successful write's token asks the primary for its position: off the event loop. */
    @ResponseFilter
    public @Nullable CompletableFuture<@Nullable MutableHttpResponse<?>> token(
            HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<ReplicaMonitor> monitor = replica.monitor();
        if (monitor.isEmpty()
                || !WRITES.contains(request.getMethod())
                || response.code() < 200
                || response.code() >= 300
                || !FilterPaths.under(request, FilterPaths.API)) {
            return null;
        }
        return offEventLoop.supply(() -> {
            answerPosition(monitor.get(), response);
            return response;
        });
    }

    private static void answerPosition(ReplicaMonitor monitor, MutableHttpResponse<?> response) {
        try {
            response.header(HEADER, WalPosition.format(monitor.primaryPosition()));
        } catch (SQLException e) {
            LOG.debug("No consistency token: {}", e.toString()); // the write stands; a later read goes to the primary
        }
    }

    /** The position the request's reads must see, on the thread its work runs on. */
    record Element(Long position) implements ThreadPropagatedContextElement<Long> {
        @Override
        public Long updateThreadContext() {
            return ReadConsistency.enter(position);
        }

        @Override
        public void restoreThreadContext(Long previous) {
            ReadConsistency.restore(previous);
        }
    }
}
