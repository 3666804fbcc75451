package io.strata.domain.ai;

/** What a usage report groups interactions by; DAY is the calendar day in the report's time zone. */
public enum UsageGrouping {
    DAY,
    MODEL,
    MODULE,
    USER
}
