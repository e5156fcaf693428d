package dev.dingus.messages;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The package-by-feature rules of CONVENTIONS.md, checked on every build ("fail on empty should" is on). */
@AnalyzeClasses(packages = "dev.dingus.messages", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String BASE = "dev.dingus.messages";

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching(BASE + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule internalsAreUsedOnlyInsideTheirFeature = classes()
            .that().resideInAPackage(BASE + ".*.internal..")
            .should(beUsedOnlyFromTheirOwnFeature());

    @ArchTest
    static final ArchRule theKernelDependsOnNoFeature = noClasses()
            .that().resideInAPackage(BASE + ".core..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".membership..", BASE + ".messaging..",
                    BASE + ".reads..", BASE + ".search..", BASE + ".realtime..", BASE + ".presence..", BASE + ".typing..",
                    BASE + ".ratelimit..", BASE + ".config..");

    @ArchTest
    static final ArchRule onlyRealtimeKnowsTheSocketServer = noClasses()
            .that().resideOutsideOfPackage(BASE + ".realtime..")
            .should().dependOnClassesThat().resideInAPackage("dev.dingus.socketio..");

    @ArchTest
    static final ArchRule noOtherServiceIsReachedThroughItsCode = noClasses()
            .that().resideInAPackage(BASE + "..")
            .should().dependOnClassesThat(DescribedPredicate.describe("belong to another Dingus service",
                    (JavaClass c) -> c.getPackageName().startsWith("dev.dingus.")
                            && !c.getPackageName().equals(BASE) && !c.getPackageName().startsWith(BASE + ".")
                            && !c.getPackageName().startsWith("dev.dingus.contracts")
                            && !c.getPackageName().startsWith("dev.dingus.platform")
                            && !c.getPackageName().startsWith("dev.dingus.socketio")));

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnFeature() {
        return new ArchCondition<>("be used only from their own feature") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                String feature = featureOf(target.getPackageName());
                for (Dependency dependency : target.getDirectDependenciesToSelf()) {
                    if (!featureOf(dependency.getOriginClass().getPackageName()).equals(feature)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code dev.dingus.messages.messaging.internal} → {@code messaging}; the root package is feature "". */
    static String featureOf(String packageName) {
        if (!packageName.startsWith(BASE + ".")) {
            return "";
        }
        String rest = packageName.substring(BASE.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
