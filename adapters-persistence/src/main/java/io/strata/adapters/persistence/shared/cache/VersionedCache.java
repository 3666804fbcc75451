package io.strata.adapters.persistence.shared.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An in-process cache of versioned values (a row and its {@code version} column) whose invalidations reach every
 * instance at commit through {@link CacheInvalidations} ({@code NOTIFY} inside the writing transaction).
 *
 * <p>Never refilled with a stale version: every invalidation leaves a floor (the version that replaced the cached
 * one) and a fill below the floor is refused; a fill that started before a cache-wide clear (the listening
 * connection was lost, so notifications may have been missed) is refused too; and while the listener is not
 * connected every read goes to the database. Keys are compared by their {@code toString()}, which is also what
 * the notification carries.
 */
public final class VersionedCache<K, V> {
    /** A value as loaded together with its version; {@code value} is empty when there is nothing to cache. */
    public record Loaded<V>(Optional<V> value, long version) {
        public static <V> Loaded<V> of(V value, long version) {
            return new Loaded<>(Optional.of(value), version);
        }

        public static <V> Loaded<V> absent() {
            return new Loaded<>(Optional.empty(), -1L);
        }
    }

    private record Entry<V>(V value, long version) {}

    private final String name;
    private final CacheInvalidations invalidations;
    private final Cache<String, Entry<V>> entries;
    /** Per key, the newest version an invalidation announced; kept longer than any fill can take. */
    private final Cache<String, Long> floors;

    /**
     * Keys this instance's own transactions changed and whose notification has not come back yet (it comes at
     * commit): no fill until then, since a fill could read the uncommitted row; a rollback ends it by expiry.
     */
    private final Cache<String, Long> pending =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30)).build();

    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong refusedFills = new AtomicLong();
    private final AtomicLong invalidationCount = new AtomicLong();
    private volatile long generation;

    VersionedCache(String name, long maximumSize, Duration expireAfterWrite, CacheInvalidations invalidations) {
        this.name = name;
        this.invalidations = invalidations;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                // counted from the load: a replace() (a hint such as last-seen) does not extend an entry's life
                .expireAfter(Expiry.creating((String key, Entry<V> entry) -> expireAfterWrite))
                .build();
        this.floors = Caffeine.newBuilder()
                .maximumSize(Math.max(10_000, maximumSize * 4))
                .expireAfterWrite(Duration.ofMinutes(10))
                .build();
    }

    public String name() {
        return name;
    }

    /**
     * The cached value of {@code key}, or what {@code loader} reads (then cached unless an invalidation of that key,
     * or of the whole cache, arrived meanwhile with a newer version).
     */
    public Optional<V> get(K key, Supplier<Loaded<V>> loader) {
        String k = key.toString();
        if (invalidations.listening()) {
            Entry<V> entry = entries.getIfPresent(k);
            if (entry != null) {
                hits.incrementAndGet();
                return Optional.of(entry.value());
            }
        }
        misses.incrementAndGet();
        long startedIn = generation;
        boolean listeningAtStart = invalidations.listening();
        Loaded<V> loaded = loader.get();
        if (loaded.value().isPresent()) {
            fill(k, loaded.value().get(), loaded.version(), startedIn, listeningAtStart);
        }
        return loaded.value();
    }

    /**
     * The cached value of {@code key} without loading it: empty when absent, or while invalidations cannot be
     * received. For callers that must not touch the database on a hit (authentication); a hit counts as one.
     */
    public Optional<V> peek(K key) {
        if (!invalidations.listening()) {
            return Optional.empty();
        }
        Entry<V> entry = entries.getIfPresent(key.toString());
        if (entry == null) {
            return Optional.empty();
        }
        hits.incrementAndGet();
        return Optional.of(entry.value());
    }

    /**
     * Replaces this instance's entry of {@code key}, at the same version, if it still holds {@code read} (the very
     * value, not an equal one); nothing else (no announcement). For a change the versioned row does not carry and
     * other instances need not hear of (a hint such as last-seen): an entry invalidated or reloaded meanwhile is left
     * as it is.
     */
    public void replace(K key, V read, V replacement) {
        entries.asMap()
                .computeIfPresent(
                        key.toString(),
                        (k, entry) -> entry.value() == read ? new Entry<>(replacement, entry.version()) : entry);
    }

    private void fill(String key, V value, long version, long startedIn, boolean listeningAtStart) {
        Long floor = floors.getIfPresent(key);
        if (pending.getIfPresent(key) != null
                || !listeningAtStart
                || startedIn != generation
                || (floor != null && version < floor)) {
            refusedFills.incrementAndGet();
            return;
        }
        entries.asMap().compute(key, (k, current) -> {
            Long latestFloor = floors.getIfPresent(k);
            if ((latestFloor != null && version < latestFloor)
                    || startedIn != generation
                    || pending.getIfPresent(k) != null) {
                refusedFills.incrementAndGet();
                return current;
            }
            return current != null && current.version() > version ? current : new Entry<>(value, version);
        });
    }

    /**
     * Announces, inside the caller's transaction, that {@code key} now has {@code newVersion}: every instance
     * (this one included) drops its entry when the transaction commits, and none accepts an older fill again.
     * This instance refuses every fill of the key until its own notification comes back (at commit), so a read in
     * the writing transaction never caches the uncommitted row (a rollback only costs misses for a while).
     */
    public void invalidate(jakarta.persistence.EntityManager entityManager, K key, long newVersion) {
        invalidateLocally(key, newVersion);
        invalidations.publish(entityManager, name, key.toString(), newVersion);
    }

    /**
     * For a change that a database trigger announces itself (so nothing is published here): this instance drops the
     * entry at once, inside the changing transaction, and refuses fills of the key until an announcement of at least
     * {@code newVersion} arrives (or for a while, if the transaction rolls back).
     */
    public void invalidateLocally(K key, long newVersion) {
        String k = key.toString();
        pending.asMap().merge(k, newVersion, Math::max);
        entries.asMap().computeIfPresent(k, (key2, entry) -> entry.version() >= newVersion ? entry : null);
    }

    /** A notification from some instance's commit (or this instance's own write, seen first by {@link #invalidate}). */
    void evict(String key, long newVersion) {
        invalidationCount.incrementAndGet();
        floors.asMap().merge(key, newVersion, Math::max);
        entries.asMap().computeIfPresent(key, (k, entry) -> entry.version() >= newVersion ? entry : null);
        pending.asMap().computeIfPresent(key, (k, waiting) -> newVersion >= waiting ? null : waiting);
    }

    /** Everything may be stale (notifications may have been missed): drop it all and refuse fills already running. */
    void clear() {
        generation++;
        entries.invalidateAll();
    }

    public CacheStatistics statistics() {
        return new CacheStatistics(
                name, hits.get(), misses.get(), refusedFills.get(), invalidationCount.get(), entries.estimatedSize());
    }
}
