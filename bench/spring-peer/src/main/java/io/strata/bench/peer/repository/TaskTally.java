package io.strata.bench.peer.repository;

/** How many tasks a project has, and how many of them are DONE and CANCELLED. */
public record TaskTally(long total, long done, long cancelled) {
}
