package dev.dingus.messages;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.dingus.testsupport.DingusArchitectureRules;

/** The package-by-feature rules of CONVENTIONS.md, checked on every build ("fail on empty should" is on). */
@AnalyzeClasses(packages = "dev.dingus.messages", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String BASE = "dev.dingus.messages";
    private static final DingusArchitectureRules RULES = DingusArchitectureRules.of(BASE);

    @ArchTest
    static final ArchRule featuresHaveNoCycles = RULES.featuresHaveNoCycles();

    @ArchTest
    static final ArchRule internalsAreUsedOnlyInsideTheirFeature = RULES.internalsAreUsedOnlyInsideTheirFeature();

    @ArchTest
    static final ArchRule theKernelDependsOnNoFeature = RULES.featureDependsOnNoneOf("core",
            "membership", "messaging", "reads", "search", "realtime", "presence", "typing", "ratelimit", "config");

    @ArchTest
    static final ArchRule onlyRealtimeKnowsTheSocketServer = noClasses()
            .that().resideOutsideOfPackage(BASE + ".realtime..")
            .should().dependOnClassesThat().resideInAPackage(DingusArchitectureRules.SOCKETIO + "..");

    @ArchTest
    static final ArchRule noOtherServiceIsReachedThroughItsCode = RULES.usesNoOtherServiceCode(
            DingusArchitectureRules.CONTRACTS, DingusArchitectureRules.PLATFORM, DingusArchitectureRules.SOCKETIO);
}
