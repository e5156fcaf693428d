package dev.dingus.rooms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.dingus.rooms.core.MemberRow;
import dev.dingus.rooms.core.RoomRow;
import dev.dingus.testsupport.DingusArchitectureRules;
import org.springframework.web.bind.annotation.RestController;

/** The package-by-feature rules of CONVENTIONS.md, checked on every build ("fail on empty should" is on). */
@AnalyzeClasses(packages = "dev.dingus.rooms", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final DingusArchitectureRules RULES = DingusArchitectureRules.of("dev.dingus.rooms");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = RULES.featuresHaveNoCycles();

    @ArchTest
    static final ArchRule internalsAreUsedOnlyInsideTheirFeature = RULES.internalsAreUsedOnlyInsideTheirFeature();

    @ArchTest
    static final ArchRule theSharedKernelDependsOnNoFeature = RULES.featureDependsOnNoneOf("core",
            "room", "discovery", "membership", "dm", "users", "internalapi", "config");

    @ArchTest
    static final ArchRule noOtherServiceIsReachedThroughItsCode = RULES.usesNoOtherServiceCode(
            DingusArchitectureRules.CONTRACTS, DingusArchitectureRules.PLATFORM);

    @ArchTest
    static final ArchRule controllersAnswerWithViewsNotRows = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class).and().arePublic()
            .should().notHaveRawReturnType(RoomRow.class).andShould().notHaveRawReturnType(MemberRow.class);
}
