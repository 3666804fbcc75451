package io.strata.adapters.persistence.shared.cache;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Creates the platform's invalidated caches (one per hot read, by name) and lists their counters, which the
 * metrics binder publishes (hit ratio per cache).
 */
@Singleton
public class PlatformCaches {
    private final CacheInvalidations invalidations;
    private final List<Consumer<VersionedCache<?, ?>>> watchers = new CopyOnWriteArrayList<>();

    public PlatformCaches(CacheInvalidations invalidations) {
        this.invalidations = invalidations;
    }

    /** A new cache; {@code name} is unique and travels in every notification, so keep it short. */
    public synchronized <K, V> VersionedCache<K, V> create(String name, long maximumSize, Duration expireAfterWrite) {
        if (name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a cache name cannot contain ':'");
        }
        VersionedCache<K, V> cache = new VersionedCache<>(name, maximumSize, expireAfterWrite, invalidations);
        invalidations.register(cache);
        watchers.forEach(watcher -> watcher.accept(cache));
        return cache;
    }

    /**
     * Hands {@code watcher} every cache: those that exist now and each one created later (caches are made by the
     * adapters that use them, which may be created after the metrics binder runs).
     */
    public synchronized void forEachCache(Consumer<VersionedCache<?, ?>> watcher) {
        watchers.add(watcher);
        invalidations.caches().forEach(watcher);
    }

    /** True while invalidations are received (false: caches are bypassed). */
    public boolean listening() {
        return invalidations.listening();
    }

    public List<CacheStatistics> statistics() {
        List<CacheStatistics> all = new ArrayList<>();
        invalidations.caches().forEach(c -> all.add(c.statistics()));
        return all;
    }
}
