package io.strata.architecture;

import static io.strata.architecture.Planted.HEXAGON;
import static io.strata.architecture.Planted.assertReports;

import org.junit.jupiter.api.Test;

/** Each rule of {@link GeneratedCodeRules} reports its planted violations and accepts the clean fixtures. */
class GeneratedCodeRulesTest {

    @Test
    void classes_named_like_generated_code_are_generated() {
        assertReports(
                        GeneratedCodeRules.classesNamedLikeGeneratedCodeAreGenerated(),
                        "application.alpha.$Fake$Definition",
                        "application.alpha.$Disguised$Definition")
                .butNot("application.alpha.$CreateAlphaService$Definition$Intercepted");
    }

    @Test
    void transactional_code_is_intercepted() {
        assertReports(
                        GeneratedCodeRules.transactionalCodeIsIntercepted(HEXAGON),
                        "application.alpha.UninterceptedService",
                        "adapters.persistence.alpha.UncheckedJoinAdapter")
                .butNot("application.alpha.CreateAlphaService");
    }

    @Test
    void mapstruct_mappers_are_implemented_by_mapstruct() {
        assertReports(GeneratedCodeRules.mapstructMappersAreImplementedByMapstruct(), "mapping.ExpressionMapper")
                .butNot("adapters.web.alpha.AlphaWebMapper");
    }
}
