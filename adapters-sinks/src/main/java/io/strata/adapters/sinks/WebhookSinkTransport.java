package io.strata.adapters.sinks;

import io.strata.application.events.SinkTransport;
import io.strata.domain.events.DeliveryAttempt;
import io.strata.domain.events.EventSink;
import io.strata.domain.events.OutboxEvent;
import io.strata.domain.events.SinkKind;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhooks signed as the Standard Webhooks specification says: {@code webhook-id} (the event id, the same on every
 * retry), {@code webhook-timestamp} (seconds), {@code webhook-signature}: {@code v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>} with the secret's key (the base64 after {@code whsec_}), one per valid secret, separated by
 * spaces (two during a rotation). A 2xx within the sink's timeout is a success; anything else a failure.
 */
@Singleton
public class WebhookSinkTransport implements SinkTransport {
    private static final int EXCERPT = 500;

    /**
     * Made on the first delivery, not at startup: building a JDK client sets up TLS (the default SSL context reads
     * the trusted certificates: ~300 classes and tens of milliseconds) and starts a selector thread, which an
     * instance without webhook sinks never needs.
     */
    private static final class Client {
        static final HttpClient HTTP = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public SinkKind kind() {
        return SinkKind.WEBHOOK;
    }

    @Override
    public DeliveryAttempt deliver(EventSink sink, List<String> secrets, OutboxEvent event) {
        String body = EventEnvelope.json(event);
        String id = event.eventId().toString();
        long timestamp = Instant.now().getEpochSecond();
        Instant started = Instant.now();
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sink.url()))
                    .timeout(sink.timeout())
                    .header("content-type", "application/json")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signatures(secrets, id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = Client.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long latency = (System.nanoTime() - start) / 1_000_000;
            String excerpt = response.body() == null
                    ? null
                    : response.body()
                            .substring(0, Math.min(EXCERPT, response.body().length()));
            boolean ok = response.statusCode() >= 200 && response.statusCode() < 300;
            return new DeliveryAttempt(started, ok, response.statusCode(), latency, excerpt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(started, start, e);
        } catch (Exception e) {
            return failure(started, start, e);
        }
    }

    private static DeliveryAttempt failure(Instant started, long start, Exception e) {
        return new DeliveryAttempt(
                started,
                false,
                null,
                (System.nanoTime() - start) / 1_000_000,
                e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    static String signatures(List<String> secrets, String id, long timestamp, String body) {
        StringBuilder header = new StringBuilder();
        byte[] content = (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        for (String secret : secrets) {
            String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
                if (!header.isEmpty()) {
                    header.append(' ');
                }
                header.append("v1,").append(Base64.getEncoder().encodeToString(mac.doFinal(content)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
        return header.toString();
    }
}
