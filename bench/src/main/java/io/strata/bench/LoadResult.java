package io.strata.bench;

/** Throughput and latency of one load run (wrk against a server, or pgbench against PostgreSQL). */
record LoadResult(double perSecond, double p50Millis, double p99Millis, long completed, long errors) {
}
