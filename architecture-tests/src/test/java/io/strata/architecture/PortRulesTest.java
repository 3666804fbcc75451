package io.strata.architecture;

import static io.strata.architecture.Planted.HEXAGON;
import static io.strata.architecture.Planted.assertReports;

import org.junit.jupiter.api.Test;

/** Each rule of {@link PortRules} reports its planted violations and accepts the clean fixtures. */
class PortRulesTest {

    @Test
    void inbound_ports_are_interfaces_of_the_application() {
        assertReports(
                        PortRules.inboundPortsAreInterfacesOfTheApplication(HEXAGON),
                        "adapters.web.alpha.WebUseCase",
                        "application.alpha.AbstractUseCase")
                .butNot(
                        "application.alpha.CreateAlphaUseCase",
                        "application.alpha.api.AlphaDirectory",
                        "application.shared.OwnerReferences");
    }

    @Test
    void inbound_ports_are_implemented_in_the_application() {
        assertReports(
                        PortRules.inboundPortsAreImplementedInTheApplication(HEXAGON),
                        "adapters.web.alpha.UseCaseController")
                .butNot("application.alpha.CreateAlphaService", "application.beta.BetaOwnerReferences");
    }

    @Test
    void inbound_port_implementations_are_reached_only_through_their_interfaces() {
        assertReports(
                        PortRules.inboundPortImplementationsAreReachedOnlyThroughTheirInterfaces(),
                        "adapters.web.alpha.ServiceInjectingController",
                        "application.alpha.ChainedService",
                        "bootstrap.ServiceWiring")
                .butNot(
                        "adapters.web.alpha.AlphaController",
                        "application.alpha.CreateAlphaService",
                        "application.alpha.$CreateAlphaService$Definition$Intercepted");
    }

    @Test
    void outbound_ports_are_interfaces_of_the_inside() {
        assertReports(
                        PortRules.outboundPortsAreInterfacesOfTheInside(HEXAGON),
                        "adapters.persistence.alpha.AdapterDeclaredPort",
                        "domain.alpha.ClassPort")
                .butNot("domain.alpha.AlphaRepository", "domain.beta.BetaAlphas", "application.shared.KeyStore");
    }

    @Test
    void outbound_ports_are_implemented_by_driven_adapters_or_context_translators() {
        assertReports(
                        PortRules.outboundPortsAreImplementedByDrivenAdaptersOrContextTranslators(HEXAGON),
                        "application.alpha.InMemoryAlphaRepository",
                        "adapters.web.alpha.WebAlphaRepository")
                .butNot(
                        "adapters.persistence.alpha.AlphaPersistenceAdapter",
                        "application.beta.BetaAlphasFromAlpha",
                        "adapters.persistence.shared.KeyStorePersistenceAdapter");
    }

    @Test
    void driving_adapters_reach_the_application_only_through_inbound_ports() {
        assertReports(
                        PortRules.drivingAdaptersReachTheApplicationOnlyThroughInboundPorts(HEXAGON),
                        "adapters.web.alpha.HelperCallingController",
                        "bootstrap.HelperJob",
                        "adapters.web.alpha.ServiceInjectingController")
                .butNot(
                        "adapters.web.alpha.AlphaController",
                        "adapters.web.beta.BetaController",
                        "bootstrap.FixtureJob");
    }

    @Test
    void driving_adapters_never_call_outbound_ports() {
        assertReports(
                        PortRules.drivingAdaptersNeverCallOutboundPorts(HEXAGON),
                        "adapters.web.alpha.RepositoryController",
                        "bootstrap.PortCallingJob")
                .butNot("adapters.web.alpha.AlphaController", "bootstrap.FixtureWiring", "bootstrap.FixtureJob");
    }

    @Test
    void driving_adapters_neither_create_nor_load_aggregates() {
        assertReports(
                        PortRules.drivingAdaptersNeitherCreateNorLoadAggregates(HEXAGON),
                        "adapters.web.alpha.AggregateBuildingController",
                        "bootstrap.ReconstitutingJob")
                .butNot("adapters.web.alpha.AlphaController", "bootstrap.FixtureJob");
    }

    @Test
    void driven_adapters_reach_the_application_only_through_outbound_ports() {
        assertReports(
                        PortRules.drivenAdaptersReachTheApplicationOnlyThroughOutboundPorts(HEXAGON),
                        "adapters.persistence.alpha.UseCaseCallingAdapter")
                .butNot(
                        "adapters.persistence.shared.KeyStorePersistenceAdapter",
                        "adapters.persistence.alpha.AlphaPersistenceAdapter");
    }

    @Test
    void adapters_implement_only_marked_ports_of_the_inside() {
        assertReports(
                        PortRules.adaptersImplementOnlyMarkedPortsOfTheInside(HEXAGON),
                        "adapters.persistence.alpha.UnmarkedPortAdapter")
                .butNot(
                        "adapters.persistence.alpha.AlphaPersistenceAdapter",
                        "adapters.persistence.shared.KeyStorePersistenceAdapter",
                        "adapters.persistence.alpha.AlphaSealerAdapter");
    }
}
