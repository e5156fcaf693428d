package dev.dingus.notifications;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.dingus.testsupport.DingusArchitectureRules;

/** The package-by-feature rules of CONVENTIONS.md, checked on every build ("fail on empty should" is on). */
@AnalyzeClasses(packages = "dev.dingus.notifications", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String BASE = "dev.dingus.notifications";
    private static final DingusArchitectureRules RULES = DingusArchitectureRules.of(BASE);

    @ArchTest
    static final ArchRule featuresHaveNoCycles = RULES.featuresHaveNoCycles();

    @ArchTest
    static final ArchRule internalsAreUsedOnlyInsideTheirFeature = RULES.internalsAreUsedOnlyInsideTheirFeature();

    @ArchTest
    static final ArchRule theSharedKernelDependsOnNoFeature = RULES.featureDependsOnNoneOf("core",
            "directory", "mutes", "inbox", "delivery", "triggers", "alerts", "config");

    @ArchTest
    static final ArchRule noOtherServiceIsReachedThroughItsCode = RULES.usesNoOtherServiceCode(
            DingusArchitectureRules.CONTRACTS, DingusArchitectureRules.PLATFORM, DingusArchitectureRules.SOCKETIO);

    @ArchTest
    static final ArchRule onlyTheDeliveryFeatureTalksToSockets = noClasses()
            .that().resideInAPackage(BASE + ".*..").and().resideOutsideOfPackage(BASE + ".delivery..")
            .should().dependOnClassesThat().resideInAPackage("dev.dingus.socketio..");
}
