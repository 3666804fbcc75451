package io.strata.adapters.persistence.shared.cache;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the platform's invalidated caches (one per hot read, by name) and lists their counters, which the
 * metrics binder publishes (hit ratio per cache).
 */
@Singleton
public class PlatformCaches {
    private final CacheInvalidations invalidations;

    public PlatformCaches(CacheInvalidations invalidations) {
        this.invalidations = invalidations;
    }

    /** A new cache; {@code name} is unique and travels in every notification, so keep it short. */
    public <K, V> VersionedCache<K, V> create(String name, long maximumSize, Duration expireAfterWrite) {
        if (name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a cache name cannot contain ':'");
        }
        VersionedCache<K, V> cache = new VersionedCache<>(name, maximumSize, expireAfterWrite, invalidations);
        invalidations.register(cache);
        return cache;
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
