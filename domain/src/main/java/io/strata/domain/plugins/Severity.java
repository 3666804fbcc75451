package io.strata.domain.plugins;

/**
 * How bad a security violation is. The weights are OpenSSF Scorecard's risk weights (critical 10, high 7.5,
 * medium 5, low 2.5); a failing check costs four times its weight in points of the 0..100 score.
 */
public enum Severity {
    LOW(25),
    MEDIUM(50),
    HIGH(75),
    CRITICAL(100);

    /** Scorecard's weight times ten, so integer arithmetic stays exact. */
    private final int weightTenths;

    Severity(int weightTenths) {
        this.weightTenths = weightTenths;
    }

    /** Points a failing check of this severity takes off the score: 10, 20, 30, 40. */
    public int penalty() {
        return weightTenths * 4 / 10;
    }

    /** Scorecard's weight: 2.5, 5, 7.5, 10. */
    public double weight() {
        return weightTenths / 10.0;
    }
}
