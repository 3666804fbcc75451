package io.strata.architecture;

import static io.strata.architecture.Planted.HEXAGON;
import static io.strata.architecture.Planted.assertReports;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule of {@link ContextRules} reports its planted violations and accepts the clean fixtures. */
class ContextRulesTest {

    @Test
    void context_is_the_package_below_the_layer() {
        Hexagon h = Hexagon.STRATA;
        assertThat(h.contextOf("io.strata.domain.identity")).contains("identity");
        assertThat(h.contextOf("io.strata.application.workspace.tasks")).contains("workspace");
        assertThat(h.contextOf("io.strata.adapters.persistence.community")).contains("community");
        assertThat(h.contextOf("io.strata.adapters.web.events")).contains("events");
        assertThat(h.contextOf("io.strata.domain.billing"))
                .as("a new context needs no rule change")
                .contains("billing");
        assertThat(h.contextOf("io.strata.domain.shared")).isEmpty();
        assertThat(h.contextOf("io.strata.adapters.web.shared.paging")).isEmpty();
        assertThat(h.contextOf("io.strata.adapters.web")).isEmpty();
        assertThat(h.contextOf("io.strata.adapters")).isEmpty();
        assertThat(h.contextOf("io.strata.bootstrap.config")).isEmpty();
        assertThat(h.isShared("io.strata.adapters.persistence.shared")).isTrue();
        assertThat(h.isShared("io.strata.domain.identity")).isFalse();
    }

    @Test
    void contexts_meet_only_through_ids_and_published_apis() {
        assertReports(
                        ContextRules.contextsMeetOnlyThroughIdsAndPublishedApis(HEXAGON),
                        "application.beta.BetaService", // another context's aggregate
                        "application.beta.DirectApiUser", // the API, but not from a translator
                        "adapters.persistence.beta.AlphaRepositoryInBeta", // implements another context's port
                        "adapters.web.beta.CrossController") // runs another context's use case
                .butNot(
                        "application.beta.BetaAlphasFromAlpha",
                        "application.beta.CreateBetaService",
                        "application.beta.BetaOwnerReferences",
                        "domain.beta.Beta",
                        "adapters.web.beta.BetaController");
    }

    @Test
    void published_apis_are_query_interfaces_speaking_kernel_types() {
        assertReports(
                        ContextRules.publishedApisAreQueryInterfacesSpeakingKernelTypes(HEXAGON),
                        "application.alpha.api.LeakyDirectory",
                        "application.alpha.api.DirectoryHelper")
                .butNot("application.alpha.api.AlphaDirectory");
    }

    @Test
    void shared_packages_depend_on_no_context() {
        assertReports(ContextRules.sharedPackagesDependOnNoContext(HEXAGON), "domain.shared.Kernel")
                .butNot(
                        "domain.shared.OwnerId",
                        "application.shared.OwnerReferences",
                        "adapters.persistence.shared.KeyStorePersistenceAdapter");
    }

    @Test
    void every_context_has_a_domain_and_an_application() {
        assertReports(
                        ContextRules.everyContextHasADomainAndAnApplication(HEXAGON),
                        "adapters.web.gamma.GammaController",
                        "application.delta.DeltaHelper")
                .butNot("adapters.web.alpha.AlphaController", "application.beta.CreateBetaService");
    }

    @Test
    void contexts_are_free_of_cycles() {
        // alpha holds beta's id (AlphaWatcher) while beta holds alpha's: each allowed alone, not both
        assertReports(ContextRules.contextsAreFreeOfCycles(HEXAGON)).saying("alpha", "beta", "AlphaWatcher");
    }

    @Test
    void contexts_read_only_their_own_tables() {
        assertReports(
                        ContextRules.contextsReadOnlyTheirOwnTables(HEXAGON, (h, classes) -> {
                            Map<String, String> owners =
                                    new java.util.HashMap<>(Map.of("alphas", "alpha", "betas", "beta"));
                            owners.putAll(TableOwnership.entityNames(h, classes));
                            return new TableOwnership(owners);
                        }),
                        "adapters.persistence.beta.AlphaTableReader", // SQL
                        "adapters.persistence.beta.AlphaTableJpaEntity", // @Table mapping
                        "adapters.persistence.beta.JpqlReader", // JPQL by entity name
                        "adapters.persistence.shared.SharedSql", // shared code and a context's table
                        "bootstrap.TableCountJob") // bootstrap and a context's table
                .butNot(
                        "adapters.persistence.alpha.AlphaPersistenceAdapter",
                        "adapters.persistence.beta.BetaPersistenceAdapter",
                        "adapters.persistence.shared.KeyStorePersistenceAdapter");
    }

    @Test
    void tables_belong_to_the_context_their_migration_names() {
        Map<String, String> owners = TableOwnership.fromMigrations(Set.of("identity", "workspace"));
        assertThat(owners)
                .containsEntry("users", "identity")
                .containsEntry("sessions", "identity")
                .containsEntry("projects", "workspace")
                .containsEntry("tasks", "workspace")
                .doesNotContainKey("idempotency_keys");
        assertThat(TableOwnership.tablesNamedBy(
                        Planted.classes().get(Planted.name("adapters.persistence.beta.AlphaTableReader"))))
                .contains("alphas");
    }
}
