package io.strata.adapters.sinks;

import io.strata.application.events.SinkTransport;
import io.strata.domain.events.DeliveryAttempt;
import io.strata.domain.events.EventSink;
import io.strata.domain.events.OutboxEvent;
import io.strata.domain.events.SinkKind;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * MQTT with Paho: QoS 1 (the broker acknowledges; a retry after a lost acknowledgement may duplicate, so the body
 * carries the event id for consumers to de-duplicate), one topic per event type under the sink's prefix
 * ({@code strata/events/workspace.TaskCreated}). One connection per sink, reopened after a failure or a change of
 * the sink.
 */
@Singleton
public class MqttSinkTransport implements SinkTransport {
    private record Connection(long version, MqttClient client) {}

    private final Map<Object, Connection> connections = new ConcurrentHashMap<>();

    @Override
    public SinkKind kind() {
        return SinkKind.MQTT;
    }

    @Override
    public DeliveryAttempt deliver(EventSink sink, List<String> secrets, OutboxEvent event) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        try {
            MqttClient client = client(sink, secrets);
            MqttMessage message = new MqttMessage(EventEnvelope.json(event).getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            client.publish(sink.topicPrefix() + "/" + event.eventType(), message);
            return new DeliveryAttempt(started, true, null, (System.nanoTime() - start) / 1_000_000, null);
        } catch (MqttException | RuntimeException e) {
            close(sink.id());
            return new DeliveryAttempt(
                    started,
                    false,
                    null,
                    (System.nanoTime() - start) / 1_000_000,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private MqttClient client(EventSink sink, List<String> secrets) throws MqttException {
        Connection connection = connections.get(sink.id());
        if (connection != null
                && connection.version() == sink.version()
                && connection.client().isConnected()) {
            return connection.client();
        }
        close(sink.id());
        MqttClient client =
                new MqttClient(sink.url(), "strata-" + sink.id() + "-" + System.nanoTime(), new MemoryPersistence());
        client.setTimeToWait(sink.timeout().toMillis());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) Math.max(1, sink.timeout().toSeconds()));
        if (sink.username() != null) {
            options.setUserName(sink.username());
        }
        if (!secrets.isEmpty()) {
            options.setPassword(secrets.get(0).toCharArray());
        }
        client.connect(options);
        connections.put(sink.id(), new Connection(sink.version(), client));
        return client;
    }

    private void close(Object sinkId) {
        Connection connection = connections.remove(sinkId);
        if (connection != null) {
            try {
                if (connection.client().isConnected()) {
                    connection.client().disconnectForcibly(100, 100);
                }
                connection.client().close(true);
            } catch (MqttException e) {
                // closing a broken connection: nothing left to do
            }
        }
    }

    @PreDestroy
    void closeAll() {
        connections.keySet().forEach(this::close);
    }
}
