package io.strata.architecture;

import static io.strata.architecture.Planted.assertReports;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaMethod;
import org.junit.jupiter.api.Test;

/** The rule of {@link MapperRules} reports its planted violations and accepts the clean fixtures. */
class MapperRulesTest {

    @Test
    void mappers_hold_no_java_in_strings() {
        String report = String.join(
                "\n",
                assertReports(MapperRules.mappersHoldNoJavaInStrings(), "mapping.ExpressionMapper")
                        .result()
                        .getFailureReport()
                        .getDetails());
        assertThat(report)
                .contains("ExpressionMapper.view(", "ExpressionMapper.single(", "ExpressionMapper.fallback(")
                .doesNotContain("ExpressionMapper.plain(");
        assertReports(MapperRules.mappersHoldNoJavaInStrings(), "mapping.ExpressionMapper")
                .butNot("adapters.web.alpha.AlphaWebMapper");
    }

    @Test
    void the_rule_sees_mappings_in_the_bytecode() {
        JavaMethod plain = Planted.classes()
                .get(Planted.name("mapping.ExpressionMapper"))
                .getMethod("plain", Planted.name("mapping.ExpressionMapper$Person"));
        assertThat(plain.getAnnotations())
                .as("CLASS-retention @Mapping is imported")
                .anyMatch(a -> a.getRawType().getName().equals(MapperRules.MAPPINGS));
    }
}
