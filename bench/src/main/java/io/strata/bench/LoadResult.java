package io.strata.bench;

/** Throughput and latency of one load run (wrk against a server, or pgbench against PostgreSQL). */
record LoadResult(double perSecond, double p50Millis, double p99Millis, long completed, long errors) {

    static final LoadResult NONE = new LoadResult(Double.NaN, Double.NaN, Double.NaN, 0, 0);

    boolean measured() {
        return !Double.isNaN(perSecond);
    }
}
