package io.strata.bootstrap.events;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A webhook endpoint on loopback for tests: records every request; answers 204, or 503 while {@link #down}. */
final class WebhookReceiver implements AutoCloseable {
    record Received(String id, String timestamp, String signature, String body, int answered) {}

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    volatile boolean down;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = down ? 503 : 204;
            synchronized (received) {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        body,
                        status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The requests answered with a success. */
    List<Received> accepted() {
        return received().stream().filter(r -> r.answered() < 300).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
