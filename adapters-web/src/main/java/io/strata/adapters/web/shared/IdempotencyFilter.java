package io.strata.adapters.web.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.strata.application.shared.idempotency.ClaimIdempotencyKeyUseCase;
import io.strata.application.shared.idempotency.RecordedResponse;
import io.strata.application.shared.idempotency.SettleIdempotencyKeyUseCase;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.value.Sha256;
import io.strata.domain.shared.value.Storable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} for POSTs under {@code /api/v1}: a retry with the same key returns the
 * first response (status, body, content type, Location/ETag) with {@code Idempotency-Replayed: true}
 * and never creates a second resource.
 * <ul>
 *   <li>key: 1..255 visible ASCII characters, else 400;</li>
 *   <li>scope: the caller (user id, or {@code anonymous}) and the path;</li>
 *   <li>request hash: SHA-256 of method, path and body; the same key with another request is a 409;</li>
 *   <li>a key whose first request is still running is a 409 "still in progress";</li>
 *   <li>only 2xx responses are remembered (24 h); an error releases the key so a retry runs again.</li>
 * </ul>
 * Runs after authentication (it needs the caller); a POST with a key is claimed and settled off the event loop (the
 * use cases are blocking), every other request passes at once. A claim that finds a recorded response leaves it
 * for {@link IdempotentReplayFilter}, next in line, to answer: a result computed off the event loop must be the
 * request to go on with ({@link OffEventLoop}).
 * Endpoints marked {@link NoIdempotencyReplay} (responses with secrets) ignore the key.
 *
 * <p>The filter holds the HTTP half: which requests take part, the scope, the request hash and the
 * response bytes. Claiming and settling a key are use cases of the application
 * ({@link ClaimIdempotencyKeyUseCase} says why), reached like any other use case.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class IdempotencyFilter implements Ordered {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    public static final int MAX_KEY_LENGTH = 255;
    /** {@code idempotency_keys.scope} holds at most 200 characters. */
    static final int MAX_SCOPE_LENGTH = 200;
    /** Response headers stored with the body and re-emitted on a replay. */
    public static final List<String> REMEMBERED_HEADERS =
            List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL);

    static final String CLAIM_ATTRIBUTE = "strata.idempotency.claim";
    static final String REPLAY_ATTRIBUTE = "strata.idempotency.replay";
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Argument<Map<String, String>> HEADER_MAP = Argument.mapOf(String.class, String.class);

    private final ClaimIdempotencyKeyUseCase claims;
    private final SettleIdempotencyKeyUseCase settlements;
    private final JsonMapper json;
    private final OffEventLoop offEventLoop;

    public IdempotencyFilter(
            ClaimIdempotencyKeyUseCase claims,
            SettleIdempotencyKeyUseCase settlements,
            JsonMapper json,
            OffEventLoop offEventLoop) {
        this.claims = claims;
        this.settlements = settlements;
        this.json = json;
        this.offEventLoop = offEventLoop;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    public @Nullable CompletableFuture<@Nullable HttpRequest<?>> claim(ServerHttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST || !FilterPaths.under(request, FilterPaths.API_V1)) {
            return null;
        }
        String key = request.getHeaders().get(HEADER);
        if (key == null || exempt(request)) {
            return null;
        }
        validateKey(key);
        return offEventLoop.proceedAfter(request, () -> claim(request, key));
    }

    /** Claims the key for this request, or finds the response recorded for it ({@link IdempotentReplayFilter}). */
    private void claim(ServerHttpRequest<?> request, String key) {
        String scope = scope(request);
        String hash = requestHash(request, readBody(request));
        Optional<RecordedResponse> first = claims.claim(new ClaimIdempotencyKeyUseCase.Command(scope, key, hash));
        if (first.isEmpty()) {
            request.setAttribute(CLAIM_ATTRIBUTE, new Claim(scope, key));
        } else {
            request.setAttribute(REPLAY_ATTRIBUTE, replay(first.get()));
        }
    }

    @ResponseFilter
    public @Nullable CompletableFuture<@Nullable MutableHttpResponse<?>> remember(
            HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<Claim> claim = request.getAttribute(CLAIM_ATTRIBUTE, Claim.class);
        if (claim.isEmpty()) {
            return null;
        }
        request.removeAttribute(CLAIM_ATTRIBUTE, Claim.class);
        return offEventLoop.supply(() -> {
            settle(claim.get(), response);
            return response;
        });
    }

    private void settle(Claim c, MutableHttpResponse<?> response) {
        try {
            if (response.code() >= 200 && response.code() < 300) {
                Object body = response.body();
                byte[] bytes = body == null
                        ? new byte[0]
                        : body instanceof byte[] raw
                                ? raw
                                : body instanceof CharSequence text
                                        ? text.toString().getBytes(StandardCharsets.UTF_8)
                                        : json.writeValueAsBytes(body);
                String contentType = response.getContentType()
                        .map(MediaType::toString)
                        .orElse(bytes.length == 0 ? null : MediaType.APPLICATION_JSON);
                settlements.complete(
                        c.scope(),
                        c.key(),
                        new RecordedResponse(response.code(), contentType, bytes, headersJson(response)));
            } else {
                settlements.release(c.scope(), c.key());
            }
        } catch (IOException | RuntimeException e) {
            LOG.error(
                    "Could not record the response for Idempotency-Key '{}' ({}); releasing it", c.key(), c.scope(), e);
            try {
                settlements.release(c.scope(), c.key());
            } catch (RuntimeException again) {
                LOG.error("Could not release Idempotency-Key '{}'", c.key(), again);
            }
        }
    }

    /**
     * A copy of the body (the controller still reads the original). Runs on a blocking thread, so it
     * can wait for the body; size limits apply as for the controller (413).
     */
    private static byte[] readBody(ServerHttpRequest<?> request) {
        CompletableFuture<? extends CloseableAvailableByteBody> buffered =
                request.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer();
        try (CloseableAvailableByteBody body = buffered.get(BODY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            return body.toByteArray();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot read the request body", e.getCause());
        } catch (TimeoutException e) {
            buffered.cancel(true);
            throw new ValidationException(
                    null, "the request body did not arrive within " + BODY_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the request body", e);
        }
    }

    static void validateKey(String key) {
        boolean visibleAscii = key.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !visibleAscii) {
            throw new ValidationException(
                    HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters (e.g. a UUID)");
        }
    }

    /**
     * The caller and the path; a path that would make the scope longer than {@value #MAX_SCOPE_LENGTH}
     * characters (any path can be sent, routed or not) is replaced by its SHA-256, so the key stays storable.
     */
    static String scope(HttpRequest<?> request) {
        String caller = RequestActor.actor(request)
                .map(Actor::userId)
                .map(id -> "user:" + id)
                .orElse("anonymous");
        String path = request.getPath();
        String scope = caller + " " + path;
        return scope.length() <= MAX_SCOPE_LENGTH && Storable.textProblem(path) == null
                ? scope
                : caller + " sha256:" + HexFormat.of().formatHex(Sha256.of(path.getBytes(StandardCharsets.UTF_8)));
    }

    static String requestHash(HttpRequest<?> request, byte[] body) {
        byte[] line = (request.getMethodName() + " " + request.getPath() + "\n").getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(Sha256.of(line, body));
    }

    private static boolean exempt(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .map(RouteMatch::getAnnotationMetadata)
                .map(metadata -> metadata.hasAnnotation(NoIdempotencyReplay.class))
                .orElse(false);
    }

    private MutableHttpResponse<?> replay(RecordedResponse record) {
        MutableHttpResponse<byte[]> response = HttpResponse.status(HttpStatus.valueOf(record.status()));
        if (record.body() != null && record.body().length > 0) {
            response.body(record.body());
        }
        if (record.contentType() != null) {
            response.contentType(record.contentType());
        }
        readHeaders(record.headersJson()).forEach(response::header);
        return response.header(REPLAYED, "true");
    }

    private String headersJson(MutableHttpResponse<?> response) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REMEMBERED_HEADERS) {
            String value = response.getHeaders().get(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return json.writeValueAsString(headers);
    }

    private Map<String, String> readHeaders(@Nullable String headersJson) {
        if (headersJson == null || headersJson.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> headers = json.readValue(headersJson, HEADER_MAP);
            return headers == null ? Map.of() : headers;
        } catch (IOException e) {
            LOG.warn("Stored idempotency headers are unreadable: {}", e.getMessage());
            return Map.of();
        }
    }

    record Claim(String scope, String key) {}
}
