package io.strata.domain.shared.query;

/** Whether a list response carries a total: none (default), exact COUNT(*), or the planner's estimate. */
public enum CountMode {
    NONE, EXACT, ESTIMATED
}
