package io.strata.bootstrap.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A concurrent write load over real HTTP: each thread creates a project with two tasks, then adds tasks to it one
 * by one, and starts a new project every few tasks. It records every id a 2xx acknowledged (the writes that must
 * survive), the status of every response, how long each 503 took, and transport failures with the time the request
 * was sent. A 503 is followed by a short pause, as a client honouring {@code Retry-After} would (shortened).
 */
public final class WriteLoad implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final int TASKS_PER_PROJECT = 6;

    /** A request that got no HTTP answer: when it was sent (nanoTime) and why. */
    public record TransportFailure(long sentAt, String request, String error) {}

    private final URI base;
    private final String token;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    public final Set<String> projects = ConcurrentHashMap.newKeySet();
    public final Set<String> tasks = ConcurrentHashMap.newKeySet();
    public final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    public final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    public final Queue<Long> unavailableNanos = new ConcurrentLinkedQueue<>();
    public final Queue<TransportFailure> transportFailures = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();

    public WriteLoad(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public WriteLoad start(int threadCount) {
        for (int i = 0; i < threadCount; i++) {
            int n = i;
            Thread thread = new Thread(() -> run(n), "write-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    /** 2xx answers so far (each one a project with its tasks, or a task). */
    public long acknowledged() {
        return acknowledged.get();
    }

    public int count(int status) {
        AtomicInteger count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    /** Waits (at most {@code timeout}) until {@code more} further writes were acknowledged. */
    public boolean awaitAcknowledged(long more, Duration timeout) throws InterruptedException {
        long target = acknowledged.get() + more;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    private void run(int thread) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String project = null;
        int tasksInProject = 0;
        int sequence = 0;
        while (running.get()) {
            boolean newProject = project == null || tasksInProject >= TASKS_PER_PROJECT;
            String path = newProject ? "/api/v1/projects" : "/api/v1/projects/" + project + "/tasks";
            String body = newProject
                    ? "{\"name\":\"load " + thread + "-" + sequence++
                            + "\",\"tasks\":[{\"title\":\"first\"},{\"title\":\"second\"}]}"
                    : "{\"title\":\"task " + sequence++ + "\"}";
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long sent = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                transportFailures.add(new TransportFailure(sent, "POST " + path, String.valueOf(e)));
                pause(20);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int status = response.statusCode();
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (status == 201) {
                List<String> ids = ids(response.body());
                if (newProject) {
                    project = ids.get(0);
                    tasksInProject = 0;
                    tasks.addAll(ids.subList(1, ids.size()));
                    projects.add(project);
                } else {
                    tasks.add(ids.get(0));
                    tasksInProject++;
                }
                acknowledged.incrementAndGet();
            } else if (status == 503) {
                unavailableNanos.add(System.nanoTime() - sent);
                pause(20);
            } else {
                unexpected.add("POST " + path + " -> " + status + " " + response.body());
                pause(20);
            }
        }
    }

    private static List<String> ids(String body) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = ID.matcher(body);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
