package io.strata.architecture;

import static io.strata.architecture.Planted.HEXAGON;
import static io.strata.architecture.Planted.assertReports;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each rule of {@link LayerRules} reports its planted violations and accepts the clean fixtures. */
class LayerRulesTest {

    @Test
    void every_class_is_in_the_package_of_its_module() {
        // the fixtures are all compiled in architecture-tests, which (for the fixtures) holds only bootstrap
        assertReports(
                        LayerRules.everyClassIsInThePackageOfItsModule(HEXAGON),
                        "domain.alpha.Alpha",
                        "adapters.web.alpha.AlphaController",
                        "mapping.ExpressionMapper")
                .butNot("bootstrap.FixtureJob", "bootstrap.ops.DocsController");
    }

    @Test
    void the_module_of_a_class_is_read_from_its_directory_or_jar() {
        assertThat(LayerRules.moduleOf("file:/w/strata/adapters-web/target/classes/io/strata/adapters/web/X.class"))
                .contains("adapters-web");
        assertThat(LayerRules.moduleOf("jar:file:/w/strata/domain/target/strata-domain-0.1.0-SNAPSHOT.jar!/io/X.class"))
                .contains("domain");
        assertThat(LayerRules.moduleOf("jar:file:/m2/io/strata/strata-adapters-persistence/0.1.0-SNAPSHOT/"
                        + "strata-adapters-persistence-0.1.0-SNAPSHOT.jar!/io/X.class"))
                .contains("adapters-persistence");
        assertThat(LayerRules.moduleOf("jar:file:/m2/org/x/x-1.0.jar!/X.class")).isEmpty();
    }

    @Test
    void numbers_in_text_are_read_in_ascii() {
        assertReports(
                        LayerRules.numbersInTextAreReadInAscii(HEXAGON),
                        "adapters.web.alpha.NumberParsingController",
                        "application.alpha.AlphaLimits")
                .butNot("domain.shared.value.AsciiNumbers", "adapters.web.alpha.AlphaController");
    }

    @Test
    void layers_follow_the_hexagon() {
        assertReports(
                        LayerRules.layersFollowTheHexagon(HEXAGON),
                        "domain.beta.BetaPolicy", // domain -> application
                        "adapters.web.alpha.StaticHelperController", // web -> persistence, by a static call
                        "adapters.web.alpha.EntityResponseMapper", // a mapper hands a JPA entity to the web
                        "mapping.ExpressionMapper") // in no layer
                .butNot("adapters.web.alpha.AlphaController", "application.beta.BetaAlphasFromAlpha");
    }

    @Test
    void domain_depends_only_on_the_jdk_and_itself() {
        assertReports(
                        LayerRules.domainDependsOnlyOnTheJdkAndItself(HEXAGON),
                        "domain.alpha.AnnotatedAlphaValue",
                        "domain.beta.BetaPolicy")
                .butNot("domain.alpha.Alpha", "domain.beta.Beta", "domain.alpha.AlphaRepository");
    }

    @Test
    void application_depends_only_on_the_domain_and_jakarta_inject_and_transaction() {
        assertReports(
                        LayerRules.applicationDependsOnlyOnTheDomainAndJakartaInjectAndTransaction(HEXAGON),
                        "application.alpha.AlphaSettings",
                        "application.alpha.ApplicationController")
                .butNot("application.alpha.CreateAlphaService", "application.beta.BetaAlphasFromAlpha");
    }

    @Test
    void the_inside_does_no_io() {
        assertReports(
                        LayerRules.theInsideDoesNoIo(HEXAGON),
                        "domain.alpha.AlphaFileLoader",
                        "application.alpha.AlphaJdbc")
                .butNot("domain.alpha.Alpha", "application.alpha.CreateAlphaService");
    }

    @Test
    void the_inside_reads_no_configuration_or_environment() {
        assertReports(
                        LayerRules.theInsideReadsNoConfigurationOrEnvironment(HEXAGON),
                        "application.alpha.AlphaLimits",
                        "domain.alpha.AlphaDefaults")
                .butNot("domain.alpha.Alpha", "application.alpha.CreateAlphaService");
    }

    @Test
    void the_web_adapter_uses_no_storage_technology() {
        assertReports(
                        LayerRules.theWebAdapterUsesNoStorageTechnology(HEXAGON),
                        "adapters.web.alpha.SqlController",
                        "adapters.web.alpha.JpaQueryController")
                .butNot("adapters.web.alpha.AlphaController");
    }

    @Test
    void http_stays_in_the_web_adapter_and_bootstrap() {
        assertReports(
                        LayerRules.httpStaysInTheWebAdapterAndBootstrap(HEXAGON),
                        "adapters.persistence.alpha.AlphaHttpStatus",
                        "application.alpha.ApplicationController")
                .butNot("adapters.persistence.alpha.AlphaPersistenceAdapter", "application.alpha.CreateAlphaService");
    }
}
