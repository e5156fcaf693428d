package dev.dingus.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The package rules of CONVENTIONS.md, checked ("fail on empty should" stays on: a misspelt package fails). */
class ArchitectureTest {
    private static final String BASE = "dev.dingus.auth";
    private static final List<String> FEATURES = List.of("accounts", "sessions", "tokens", "friends", "throttling");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void everyFeatureExists() {
        for (String feature : FEATURES) {
            classes().that().resideInAPackage(BASE + "." + feature + "..").should().resideInAPackage(BASE + "." + feature + "..")
                    .check(CLASSES);
        }
    }

    @Test
    void internalsStayInsideTheirFeature() {
        for (String feature : FEATURES) {
            noClasses().that().resideOutsideOfPackage(BASE + "." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage(BASE + "." + feature + ".internal..")
                    .because("only " + feature + " itself may use its internal package")
                    .check(CLASSES);
        }
    }

    @Test
    void onlyPlatformAndContractsAreSharedWithOtherServices() {
        classes().that().resideInAPackage(BASE + "..")
                .should().onlyDependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "outside dev.dingus, or in auth-service, the platform or the contracts",
                        c -> !c.getPackageName().startsWith("dev.dingus.") || c.getPackageName().startsWith(BASE)
                                || c.getPackageName().startsWith("dev.dingus.platform.")
                                || c.getPackageName().startsWith("dev.dingus.contracts.")))
                .check(CLASSES);
    }

    @Test
    void controllersLiveInsideFeaturesNotAtTheRoot() {
        classes().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().resideInAPackage(BASE + ".*.internal..").check(CLASSES);
    }
}
