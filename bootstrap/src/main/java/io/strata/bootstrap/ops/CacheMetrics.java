package io.strata.bootstrap.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.strata.adapters.persistence.shared.cache.PlatformCaches;
import io.strata.adapters.persistence.shared.cache.VersionedCache;
import jakarta.inject.Singleton;

/**
 * The platform caches' meters, one series per cache (a cache name is a constant of the code, so the tag is bounded):
 * {@code strata_cache_gets_total{cache, result="hit"|"miss"}} (the hit ratio is hits over both),
 * {@code strata_cache_refused_fills_total} (a read whose value was not kept because an invalidation overtook it),
 * {@code strata_cache_invalidations_total} and {@code strata_cache_size}.
 */
@Singleton
@RequiresMetrics
public class CacheMetrics implements MeterBinder {

    // a provider, and bound only once the application has started: the caches need the database, whose pool is
    // created with the meter registry, which binds this binder (asking for them here would be a cycle)
    private final BeanProvider<PlatformCaches> caches;
    private MeterRegistry registry;
    private boolean started;
    private boolean bound;

    public CacheMetrics(BeanProvider<PlatformCaches> caches) {
        this.caches = caches;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        this.registry = registry;
        bindWhenReady();
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        started = true;
        bindWhenReady();
    }

    private void bindWhenReady() {
        if (started && registry != null && !bound) {
            bound = true;
            MeterRegistry target = registry;
            caches.get().forEachCache(cache -> bind(target, cache));
        }
    }

    private static void bind(MeterRegistry registry, VersionedCache<?, ?> cache) {
        String name = cache.name();
        FunctionCounter.builder("strata.cache.gets", cache, c -> c.statistics().hits())
                .tags("cache", name, "result", "hit")
                .description("Reads of a platform cache, by whether the value was cached")
                .register(registry);
        FunctionCounter.builder("strata.cache.gets", cache, c -> c.statistics().misses())
                .tags("cache", name, "result", "miss")
                .description("Reads of a platform cache, by whether the value was cached")
                .register(registry);
        FunctionCounter.builder(
                        "strata.cache.refused.fills", cache, c -> c.statistics().refusedFills())
                .tag("cache", name)
                .description("Values read for a platform cache but not kept: an invalidation overtook them")
                .register(registry);
        FunctionCounter.builder(
                        "strata.cache.invalidations", cache, c -> c.statistics().invalidations())
                .tag("cache", name)
                .description("Invalidations a platform cache received (from every instance)")
                .register(registry);
        Gauge.builder("strata.cache.size", cache, c -> c.statistics().size())
                .tag("cache", name)
                .description("Entries in a platform cache (estimated)")
                .register(registry);
    }
}
