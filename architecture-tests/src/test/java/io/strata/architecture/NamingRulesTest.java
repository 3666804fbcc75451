package io.strata.architecture;

import static io.strata.architecture.Planted.assertReports;

import org.junit.jupiter.api.Test;

/** Each rule of {@link NamingRules} reports its planted violations and accepts the clean fixtures. */
class NamingRulesTest {

    @Test
    void entities_are_named_JpaEntity() {
        assertReports(NamingRules.entitiesAreNamedJpaEntity(), "adapters.persistence.alpha.AlphaRow")
                .butNot("adapters.persistence.alpha.AlphaJpaEntity");
    }

    @Test
    void embeddables_are_named_JpaEmbeddable() {
        assertReports(NamingRules.embeddablesAreNamedJpaEmbeddable(), "adapters.persistence.alpha.AlphaPart")
                .butNot("adapters.persistence.alpha.AlphaPartJpaEmbeddable");
    }

    @Test
    void controllers_are_named_Controller() {
        assertReports(NamingRules.controllersAreNamedController(), "adapters.web.alpha.AlphaEndpoint")
                .butNot("adapters.web.alpha.AlphaController");
    }

    @Test
    void use_cases_are_named_UseCase_and_implemented_by_a_Service() {
        assertReports(
                        NamingRules.useCasesAreNamedUseCaseAndImplementedByAService(),
                        "application.alpha.RenameAlpha",
                        "application.alpha.ArchiveAlphaUseCase")
                .butNot("application.beta.CreateBetaUseCase");
    }
}
