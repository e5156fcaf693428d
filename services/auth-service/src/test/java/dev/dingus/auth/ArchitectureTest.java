package dev.dingus.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.dingus.testsupport.DingusArchitectureRules;
import java.util.List;
import org.springframework.web.bind.annotation.RestController;

/** The package rules of CONVENTIONS.md, checked ("fail on empty should" stays on: a misspelt package fails). */
@AnalyzeClasses(packages = "dev.dingus.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String BASE = "dev.dingus.auth";
    private static final List<String> FEATURES = List.of("accounts", "sessions", "tokens", "friends", "throttling", "oidc");
    private static final DingusArchitectureRules RULES = DingusArchitectureRules.of(BASE);

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = RULES.featuresHaveNoCycles();

    @ArchTest
    static final ArchRule internalsStayInsideTheirFeature = RULES.internalsAreUsedOnlyInsideTheirFeature();

    @ArchTest
    static final ArchRule onlyPlatformAndContractsAreSharedWithOtherServices = RULES.usesNoOtherServiceCode(
            DingusArchitectureRules.PLATFORM, DingusArchitectureRules.CONTRACTS);

    @ArchTest
    static final ArchRule controllersLiveInsideFeaturesNotAtTheRoot = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().resideInAPackage(BASE + ".*.internal..");

    /** Each feature the rules name has classes (a renamed or misspelt one fails here). */
    @ArchTest
    static void everyFeatureExists(JavaClasses classes) {
        for (String feature : FEATURES) {
            classes().that().resideInAPackage(BASE + "." + feature + "..").should().resideInAPackage(BASE + "." + feature + "..")
                    .check(classes);
        }
    }
}
