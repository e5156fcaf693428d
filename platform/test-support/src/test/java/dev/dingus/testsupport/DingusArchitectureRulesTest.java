package dev.dingus.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The shared rules against two fixture "services": {@code clean} keeps every rule, {@code tangled} breaks each. */
class DingusArchitectureRulesTest {
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("dev.dingus.fixtures");
    private static final DingusArchitectureRules CLEAN = DingusArchitectureRules.of("dev.dingus.fixtures.clean");
    private static final DingusArchitectureRules TANGLED = DingusArchitectureRules.of("dev.dingus.fixtures.tangled");
    private static final String SHARED = "dev.dingus.fixtures.shared";

    @Test
    void aCleanServicePassesEveryRule() {
        CLEAN.featuresHaveNoCycles().check(FIXTURES);
        CLEAN.internalsAreUsedOnlyInsideTheirFeature().check(FIXTURES);
        CLEAN.usesNoOtherServiceCode(SHARED).check(FIXTURES);
        CLEAN.featureDependsOnNoneOf("core", "alpha", "beta").check(FIXTURES);
    }

    @Test
    void aCycleBetweenFeaturesFails() {
        assertThat(violations(TANGLED.featuresHaveNoCycles())).contains("alpha", "beta");
    }

    @Test
    void anInternalUsedFromAnotherFeatureFails() {
        assertThat(violations(TANGLED.internalsAreUsedOnlyInsideTheirFeature()))
                .contains("tangled.beta.Beta").contains("tangled.alpha.internal.Secret");
    }

    @Test
    void reachingAnotherServiceFailsButSharedPackagesAreAllowed() {
        assertThat(violations(TANGLED.usesNoOtherServiceCode(SHARED))).contains("dev.dingus.fixtures.clean.core.Kernel");
        assertThat(violations(CLEAN.usesNoOtherServiceCode())).as("shared code not declared as shared")
                .contains("dev.dingus.fixtures.shared.SharedThing");
    }

    @Test
    void aKernelDependingOnAFeatureFails() {
        assertThat(violations(TANGLED.featureDependsOnNoneOf("core", "alpha", "beta"))).contains("tangled.beta.Beta");
    }

    @Test
    void aRuleThatSelectsNoClassFailsInsteadOfPassingVacuously() {
        DingusArchitectureRules misspelt = DingusArchitectureRules.of("dev.dingus.fixtures.clen");
        for (ArchRule rule : new ArchRule[] {misspelt.featuresHaveNoCycles(), misspelt.internalsAreUsedOnlyInsideTheirFeature(),
                misspelt.usesNoOtherServiceCode(SHARED), misspelt.featureDependsOnNoneOf("core", "alpha")}) {
            assertThatThrownBy(() -> rule.check(FIXTURES)).as(rule.getDescription())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
        }
    }

    @Test
    void theFeatureOfAPackageIsItsFirstSegmentBelowTheBase() {
        assertThat(CLEAN.featureOf("dev.dingus.fixtures.clean.alpha.internal")).isEqualTo("alpha");
        assertThat(CLEAN.featureOf("dev.dingus.fixtures.clean.beta")).isEqualTo("beta");
        assertThat(CLEAN.featureOf("dev.dingus.fixtures.clean")).isEmpty();
        assertThat(CLEAN.featureOf("dev.dingus.fixtures.cleanliness.alpha")).isEmpty();
    }

    @Test
    void onlyDingusPackagesAreServices() {
        assertThatIllegalArgumentException().isThrownBy(() -> DingusArchitectureRules.of("org.example"));
        assertThatIllegalArgumentException().isThrownBy(() -> DingusArchitectureRules.of("dev.dingus.rooms."));
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
