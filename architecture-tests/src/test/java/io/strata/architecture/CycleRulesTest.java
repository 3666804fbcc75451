package io.strata.architecture;

import static io.strata.architecture.Planted.HEXAGON;
import static io.strata.architecture.Planted.assertReports;

import org.junit.jupiter.api.Test;

/** The rule of {@link CycleRules} reports its planted violation. */
class CycleRulesTest {

    @Test
    void packages_are_free_of_cycles() {
        // domain.alpha holds a BetaId (AlphaWatcher), domain.beta holds AlphaIds
        assertReports(CycleRules.packagesAreFreeOfCycles(HEXAGON)).saying("domain.alpha", "domain.beta");
    }
}
