package dev.dingus.presence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.dingus.testsupport.DingusArchitectureRules;

/** The package-by-feature rules of CONVENTIONS.md, checked on every build ("fail on empty should" is on). */
@AnalyzeClasses(packages = "dev.dingus.presence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final DingusArchitectureRules RULES = DingusArchitectureRules.of("dev.dingus.presence");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = RULES.featuresHaveNoCycles();

    @ArchTest
    static final ArchRule internalsAreUsedOnlyInsideTheirFeature = RULES.internalsAreUsedOnlyInsideTheirFeature();

    @ArchTest
    static final ArchRule theSharedKernelDependsOnNoFeature = RULES.featureDependsOnNoneOf("core",
            "status", "tracking", "relations", "users", "delivery", "config");

    @ArchTest
    static final ArchRule noOtherServiceIsReachedThroughItsCode = RULES.usesNoOtherServiceCode(
            DingusArchitectureRules.CONTRACTS, DingusArchitectureRules.PLATFORM, DingusArchitectureRules.SOCKETIO);

    @ArchTest
    static final ArchRule presenceHasNoDatabase = noClasses()
            .that().resideInAPackage("dev.dingus.presence..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..");
}
