package io.strata.adapters.persistence.shared.cache;

/**
 * Counters of one {@link VersionedCache} since start, for metrics ({@code hits / (hits + misses)} is the hit
 * ratio); a refused fill is a miss whose value was not kept because an invalidation overtook it.
 */
public record CacheStatistics(String name, long hits, long misses, long refusedFills, long invalidations, long size) {
    public double hitRatio() {
        long requests = hits + misses;
        return requests == 0 ? 0.0 : (double) hits / requests;
    }
}
