package io.strata.bench.events;

import com.sun.net.httpserver.HttpServer;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Event delivery, commit to sink, against a running Strata: a webhook receiver (JDK HTTP server) and an MQTT
 * subscriber on a Moquette broker, both in this JVM, each a sink of {@code workspace.ProjectCreated}; N projects
 * created by C client threads. Per event, latency = receipt time minus the event's {@code occurredAt} (taken by
 * Strata in the writing transaction, just before its commit; same machine, same clock). Throughput = events / (last
 * receipt - first occurredAt) of the burst.
 *
 * <pre>java -jar bench/target/strata-bench.jar events --url=http://127.0.0.1:8180 --admin=EMAIL:PASSWORD
 *     [--events=2000] [--clients=8]</pre>
 */
public final class EventDeliveryBench {
    private static final Pattern ID = Pattern.compile("\"eventId\":\"([0-9a-f-]{36})\"");
    private static final Pattern AT = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EventDeliveryBench() {}

    /** The command line, read as the other bench commands read theirs ({@code BenchOptions}, {@code BaselineServer}). */
    record Options(String url, String adminEmail, String adminPassword, int events, int clients) {
        static final String USAGE = "usage: strata-bench.jar events [--url=http://127.0.0.1:8180] "
                + "[--admin=EMAIL:PASSWORD] [--events=2000] [--clients=8]";

        static Options parse(String[] args) {
            String url = "http://127.0.0.1:8180";
            String admin = "admin@strata.bench:admin password for bench";
            int events = 2000;
            int clients = 8;
            for (String arg : args) {
                if (arg.startsWith("--url=")) {
                    url = value(arg);
                } else if (arg.startsWith("--admin=")) {
                    admin = value(arg);
                } else if (arg.startsWith("--events=")) {
                    events = positive(arg);
                } else if (arg.startsWith("--clients=")) {
                    clients = positive(arg);
                } else {
                    throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
                }
            }
            int colon = admin.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--admin takes EMAIL:PASSWORD; " + USAGE);
            }
            return new Options(url, admin.substring(0, colon), admin.substring(colon + 1), events, clients);
        }

        private static String value(String arg) {
            return arg.substring(arg.indexOf('=') + 1);
        }

        private static int positive(String arg) {
            try {
                int n = Integer.parseInt(value(arg));
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(arg + ": expected a positive whole number");
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench events: " + e.getMessage());
            System.exit(2);
            return;
        }
        String base = options.url();
        int events = options.events();
        int clients = options.clients();

        Map<String, Long> webhook = new ConcurrentHashMap<>();
        Map<String, Long> mqtt = new ConcurrentHashMap<>();
        Map<String, Instant> occurred = new ConcurrentHashMap<>();

        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            record(body, webhook, occurred);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();

        int mqttPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            mqttPort = socket.getLocalPort();
        }
        Properties config = new Properties();
        config.setProperty("host", "127.0.0.1");
        config.setProperty("port", Integer.toString(mqttPort));
        config.setProperty("allow_anonymous", "true");
        config.setProperty("persistence_enabled", "false");
        config.setProperty("telemetry_enabled", "false");
        Server broker = new Server();
        broker.startServer(new MemoryConfig(config));
        MqttClient subscriber =
                new MqttClient("tcp://127.0.0.1:" + mqttPort, "bench-subscriber", new MemoryPersistence());
        subscriber.connect(new MqttConnectOptions());
        subscriber.subscribe("bench/#", 1, (topic, message) ->
                record(new String(message.getPayload(), StandardCharsets.UTF_8), mqtt, occurred));

        String token = field(post(base + "/api/v1/sessions", null,
                "{\"email\":\"" + options.adminEmail() + "\",\"password\":\"" + options.adminPassword() + "\"}"), "token");
        String suffix = Long.toString(System.nanoTime(), 36);
        post(base + "/api/v1/admin/event-sinks", token, "{\"name\":\"bench-hook-" + suffix + "\",\"kind\":\"WEBHOOK\","
                + "\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\","
                + "\"eventTypes\":[\"workspace.ProjectCreated\"]}");
        post(base + "/api/v1/admin/event-sinks", token, "{\"name\":\"bench-mqtt-" + suffix + "\",\"kind\":\"MQTT\","
                + "\"url\":\"tcp://127.0.0.1:" + mqttPort + "\",\"topicPrefix\":\"bench\","
                + "\"eventTypes\":[\"workspace.ProjectCreated\"]}");

        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long writeStart = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (next.getAndIncrement() < events) {
                    post(base + "/api/v1/projects", token, "{\"name\":\"bench events\"}");
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while ((webhook.size() < events || mqtt.size() < events) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.printf("writes: %d projects by %d clients in %.1f s (%.0f/s)%n",
                events, clients, writeSeconds, events / writeSeconds);
        report("webhook", webhook, occurred, events);
        report("mqtt", mqtt, occurred, events);
        subscriber.disconnect();
        subscriber.close();
        broker.stopServer();
        receiver.stop(0);
        System.exit(0);
    }

    private static void record(String body, Map<String, Long> received, Map<String, Instant> occurred) {
        long now = System.currentTimeMillis();
        Matcher id = ID.matcher(body);
        Matcher at = AT.matcher(body);
        if (id.find() && at.find()) {
            received.putIfAbsent(id.group(1), now);
            occurred.putIfAbsent(id.group(1), Instant.parse(at.group(1)));
        }
    }

    private static void report(String sink, Map<String, Long> received, Map<String, Instant> occurred, int events) {
        List<Long> latencies = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Map.Entry<String, Long> entry : received.entrySet()) {
            long at = occurred.get(entry.getKey()).toEpochMilli();
            latencies.add(entry.getValue() - at);
            first = Math.min(first, at);
            last = Math.max(last, entry.getValue());
        }
        latencies.sort(null);
        if (latencies.isEmpty()) {
            System.out.printf("%s: nothing received%n", sink);
            return;
        }
        System.out.printf("%s: %d/%d events, throughput %.0f events/s (first commit to last receipt), "
                        + "latency p50 %d ms, p99 %d ms, max %d ms%n",
                sink, received.size(), events, received.size() * 1000.0 / Math.max(1, last - first),
                latencies.get(latencies.size() / 2), latencies.get((int) Math.min(latencies.size() - 1,
                        Math.ceil(latencies.size() * 0.99) - 1)), latencies.get(latencies.size() - 1));
    }

    private static String post(String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
