package io.strata.domain.shared.query;

/**
 * Whether a page of results carries the total number of matches, and how it is obtained: not at all
 * (the default: paging needs no total), an exact count, or the database planner's estimate (cheap on
 * large tables).
 */
public enum TotalCount {
    NONE,
    EXACT,
    ESTIMATED
}
