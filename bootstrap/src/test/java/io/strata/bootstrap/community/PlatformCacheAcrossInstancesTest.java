package io.strata.bootstrap.community;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.strata.adapters.persistence.shared.cache.CacheStatistics;
import io.strata.adapters.persistence.shared.cache.PlatformCaches;
import io.strata.adapters.persistence.shared.cache.VersionedCache;
import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.testing.Api;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform cache with two application instances on one database: an update on one is seen by the other's next
 * reads once the commit's notification arrives; a fill that an invalidation overtook is refused; a lost listening
 * connection bypasses and clears the cache until it is back.
 */
class PlatformCacheAcrossInstancesTest extends CommunityApiSupport {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private ApplicationContext second;
    private Api secondApi;

    @BeforeAll
    void startSecondInstance() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", jdbcUrl());
        properties.put("datasources.default.username", TestPostgres.USERNAME);
        properties.put("datasources.default.password", TestPostgres.PASSWORD);
        properties.put("datasources.default.maximum-pool-size", "3");
        properties.put("datasources.default.minimum-idle", "1");
        properties.put("micronaut.server.port", "-1");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        second = server.getApplicationContext();
        secondApi = new Api(server.getURL(), second.getBean(io.micronaut.json.JsonMapper.class));
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void anUpdateOnOneInstanceReachesTheOtherInstancesCache() {
        long guildId = newId();
        String path = guild(guildId) + "/config";
        String token = bot();
        // both instances read (and cache) version 0
        api().get(path).token(token).send().expect(200);
        api().get(path).token(token).send().expect(200);
        secondApi.get(path).token(token).send().expect(200);
        long hits = statistics(context).hits();
        assertThat(version(api().get(path).token(token).send().expect(200).json()))
                .isZero();
        assertThat(statistics(context).hits()).isGreaterThan(hits);

        String etag = secondApi.get(path).token(token).send().expect(200).etag();
        secondApi
                .patch(path)
                .token(token)
                .ifMatch(etag)
                .raw("{\"prefix\":\"$\"}", PATCH)
                .send()
                .expect(200);

        // the first instance drops its entry when the commit's notification arrives, then reads version 1
        await(() -> version(api().get(path).token(token).send().expect(200).json()) == 1);
        Map<String, Object> seen =
                api().get(path).token(token).send().expect(200).json();
        assertThat(seen).containsEntry("prefix", "$");
        assertThat(statistics(context).invalidations()).isGreaterThanOrEqualTo(1);
        // and the updating instance never serves the replaced version
        assertThat(version(secondApi.get(path).token(token).send().expect(200).json()))
                .isEqualTo(1);
    }

    @Test
    void aFillOvertakenByAnInvalidationIsRefused() throws Exception {
        PlatformCaches caches = bean(PlatformCaches.class);
        VersionedCache<String, String> cache = caches.create("test.overtaken", 100, Duration.ofMinutes(1));
        await(caches::listening);
        AtomicInteger loads = new AtomicInteger();

        // the loader read version 1, but before it could fill, another instance committed version 2
        Optional<String> first = cache.get("k", () -> {
            loads.incrementAndGet();
            notifyFromAnotherInstance("test.overtaken:2:k");
            await(() -> cache.statistics().invalidations() >= 1);
            return VersionedCache.Loaded.of("v1", 1);
        });
        assertThat(first).contains("v1");
        assertThat(cache.statistics().refusedFills()).isEqualTo(1);

        // not cached: the next read loads again, and the current version is kept
        assertThat(cache.get("k", () -> {
                    loads.incrementAndGet();
                    return VersionedCache.Loaded.of("v2", 2);
                }))
                .contains("v2");
        assertThat(cache.get("k", () -> {
                    loads.incrementAndGet();
                    return VersionedCache.Loaded.of("stale", 1);
                }))
                .contains("v2");
        assertThat(loads).hasValue(2);

        // a fill of an older version arriving after the invalidation is refused too
        long invalidations = cache.statistics().invalidations();
        cache.get("other", () -> VersionedCache.Loaded.of("x", 5));
        notifyFromAnotherInstance("test.overtaken:6:other");
        await(() -> cache.get("other", () -> VersionedCache.Loaded.of("x5", 5))
                .orElseThrow()
                .equals("x5"));
        assertThat(cache.statistics().invalidations()).isEqualTo(invalidations + 1);
        assertThat(cache.get("other", () -> VersionedCache.Loaded.of("x6", 6))).contains("x6");
        assertThat(cache.get("other", () -> VersionedCache.Loaded.of("never", 6)))
                .contains("x6");
        assertThat(cache.statistics().hitRatio()).isBetween(0.0, 1.0);
    }

    @Test
    void aLostListeningConnectionBypassesAndClearsTheCacheUntilItIsBack() throws Exception {
        PlatformCaches caches = bean(PlatformCaches.class);
        VersionedCache<String, String> cache = caches.create("test.reconnect", 100, Duration.ofMinutes(1));
        await(caches::listening);
        cache.get("k", () -> VersionedCache.Loaded.of("v1", 1));
        assertThat(cache.get("k", () -> VersionedCache.Loaded.of("never", 1))).contains("v1");

        try (Connection c = TestPostgres.connect(jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = 'strata-cache-invalidations'");
        }
        // the next reads go to the loader (never the old entry), and caching resumes once it listens again
        await(() -> cache.get("k", () -> VersionedCache.Loaded.of("v2", 2))
                .orElseThrow()
                .equals("v2"));
        await(caches::listening);
        await(() -> cache.get("fresh", () -> VersionedCache.Loaded.of("v3", 3))
                        .orElseThrow()
                        .equals("v3")
                && cache.get("fresh", () -> VersionedCache.Loaded.of("v4", 4))
                        .orElseThrow()
                        .equals("v3"));
    }

    private void notifyFromAnotherInstance(String payload) {
        try (Connection c = TestPostgres.connect(jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_notify('strata_cache', '" + payload + "')");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long version(Map<String, Object> body) {
        return number(body.get("version"));
    }

    private static CacheStatistics statistics(ApplicationContext context) {
        return context.getBean(PlatformCaches.class).statistics().stream()
                .filter(s -> s.name().equals("community.guild"))
                .findFirst()
                .orElseThrow();
    }

    /** Polls (bounded) until the condition holds; notifications arrive asynchronously. */
    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + PATIENCE);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
