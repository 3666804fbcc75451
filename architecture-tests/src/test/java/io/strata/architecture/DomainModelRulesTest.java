package io.strata.architecture;

import static io.strata.architecture.Planted.HEXAGON;
import static io.strata.architecture.Planted.assertReports;

import org.junit.jupiter.api.Test;

/** Each rule of {@link DomainModelRules} reports its planted violations and accepts the clean fixtures. */
class DomainModelRulesTest {

    @Test
    void aggregates_are_final_domain_classes_built_by_factories() {
        assertReports(
                        DomainModelRules.aggregatesAreFinalDomainClassesBuiltByFactories(HEXAGON),
                        "domain.alpha.OpenAggregate",
                        "application.alpha.ApplicationAggregate")
                .butNot("domain.alpha.Alpha", "domain.beta.Beta");
    }

    @Test
    void aggregates_refer_to_other_aggregates_by_id() {
        assertReports(DomainModelRules.aggregatesReferToOtherAggregatesById(), "domain.alpha.AlphaGroup")
                .butNot("domain.alpha.Alpha", "domain.beta.Beta");
    }

    @Test
    void ids_are_records_in_the_domain() {
        assertReports(
                        DomainModelRules.idsAreRecordsInTheDomain(HEXAGON),
                        "domain.alpha.ClassyId",
                        "adapters.web.alpha.WebId")
                .butNot("domain.alpha.AlphaId", "domain.beta.BetaId", "domain.shared.OwnerId");
    }

    @Test
    void domain_events_are_records_in_the_domain() {
        assertReports(
                        DomainModelRules.domainEventsAreRecordsInTheDomain(HEXAGON),
                        "application.alpha.AlphaRenamed",
                        "domain.alpha.MutableAlphaEvent")
                .butNot("domain.alpha.AlphaCreated");
    }

    @Test
    void domain_has_no_public_setters() {
        assertReports(DomainModelRules.domainHasNoPublicSetters(HEXAGON), "domain.alpha.SettableValue")
                .butNot("domain.alpha.Alpha");
    }
}
