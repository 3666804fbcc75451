package io.strata.architecture;

import static io.strata.architecture.Planted.HEXAGON;
import static io.strata.architecture.Planted.assertReports;

import org.junit.jupiter.api.Test;

/** Each rule of {@link AdapterRules} reports its planted violations and accepts the clean fixtures. */
class AdapterRulesTest {

    @Test
    void controllers_live_in_the_web_adapter() {
        assertReports(
                        AdapterRules.controllersLiveInTheWebAdapter(HEXAGON),
                        "application.alpha.ApplicationController",
                        "bootstrap.BootController")
                .butNot("adapters.web.alpha.AlphaController", "bootstrap.ops.DocsController");
    }

    @Test
    void operational_controllers_call_no_application_code() {
        assertReports(
                        AdapterRules.operationalControllersCallNoApplicationCode(HEXAGON),
                        "bootstrap.ops.UseCaseOpsController")
                .butNot("bootstrap.ops.DocsController");
    }

    @Test
    void persistence_types_live_in_the_persistence_adapter() {
        assertReports(
                        AdapterRules.persistenceTypesLiveInThePersistenceAdapter(HEXAGON),
                        "bootstrap.BootJpaEntity",
                        "bootstrap.BootRepository")
                .butNot(
                        "adapters.persistence.alpha.AlphaJpaEntity",
                        "adapters.persistence.alpha.AlphaPartJpaEmbeddable");
    }

    @Test
    void mappers_live_in_the_adapters() {
        assertReports(AdapterRules.mappersLiveInTheAdapters(HEXAGON), "application.alpha.ApplicationMapper")
                .butNot("adapters.web.alpha.AlphaWebMapper");
    }

    @Test
    void the_web_adapter_hands_out_no_aggregates() {
        assertReports(
                        AdapterRules.theWebAdapterHandsOutNoAggregates(HEXAGON),
                        "adapters.web.alpha.AggregateReturningController",
                        "adapters.web.alpha.AggregateResponse")
                .butNot(
                        "adapters.web.alpha.AlphaController",
                        "adapters.web.alpha.AlphaResponse",
                        "adapters.web.alpha.AlphaWebMapper");
    }

    @Test
    void bootstrap_uses_only_the_shared_packages_of_the_adapters() {
        assertReports(AdapterRules.bootstrapUsesOnlyTheSharedPackagesOfTheAdapters(HEXAGON), "bootstrap.AdapterWiring")
                .butNot("bootstrap.FixtureJob", "bootstrap.FixtureWiring");
    }

    @Test
    void http_filters_are_declared_on_every_path() {
        assertReports(
                        AdapterRules.httpFiltersAreDeclaredOnEveryPath(HEXAGON),
                        "adapters.web.alpha.PatternFilter",
                        "adapters.web.alpha.PostOnlyFilter",
                        "adapters.web.alpha.BlockingFilter")
                .butNot("adapters.web.alpha.EveryPathFilter");
    }

    @Test
    void micronaut_data_entity_events_are_not_used() {
        assertReports(
                        AdapterRules.micronautDataEntityEventsAreNotUsed(HEXAGON),
                        "adapters.persistence.alpha.AutoStampedJpaEntity",
                        "adapters.persistence.alpha.AlphaEntityListener")
                .butNot("adapters.persistence.alpha.AlphaJpaEntity");
    }
}
