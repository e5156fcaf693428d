package dev.dingus.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.List;

/**
 * The package rules of CONVENTIONS.md for one service, given its base package ({@code dev.dingus.rooms}):
 * a feature is a direct sub-package of the base. Every rule fails when its "that" selects no class ("fail on
 * empty should" is set on the rule itself), so a misspelt package fails instead of passing vacuously.
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "dev.dingus.rooms", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     private static final DingusArchitectureRules RULES = DingusArchitectureRules.of("dev.dingus.rooms");
 *
 *     @ArchTest
 *     static final ArchRule featuresHaveNoCycles = RULES.featuresHaveNoCycles();
 * }
 * }</pre>
 */
public final class DingusArchitectureRules {
    /** Shared with every service: event payloads, Socket.IO names, error codes. */
    public static final String CONTRACTS = "dev.dingus.contracts";
    /** Shared libraries: web, events. */
    public static final String PLATFORM = "dev.dingus.platform";
    /** The Socket.IO server library. */
    public static final String SOCKETIO = "dev.dingus.socketio";

    private static final String DINGUS = "dev.dingus";

    private final String base;

    private DingusArchitectureRules(String base) {
        this.base = base;
    }

    /** The rules for the service whose code lives under {@code basePackage}. */
    public static DingusArchitectureRules of(String basePackage) {
        if (!basePackage.startsWith(DINGUS + ".") || basePackage.endsWith(".")) {
            throw new IllegalArgumentException("Not a Dingus service package: " + basePackage);
        }
        return new DingusArchitectureRules(basePackage);
    }

    /** No cycles between the feature packages (direct sub-packages of the base). */
    public ArchRule featuresHaveNoCycles() {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles().allowEmptyShould(false);
    }

    /** A class in {@code <feature>.internal} is used only by classes of that same feature. */
    public ArchRule internalsAreUsedOnlyInsideTheirFeature() {
        return classes().that().resideInAPackage(base + ".*.internal..")
                .should(beUsedOnlyFromTheirOwnFeature())
                .allowEmptyShould(false);
    }

    /**
     * The service's code uses no Dingus code but its own and that of {@code sharedPackages} (each with its
     * sub-packages, e.g. {@link #CONTRACTS}, {@link #PLATFORM}): no other service is reached through its code.
     */
    public ArchRule usesNoOtherServiceCode(String... sharedPackages) {
        List<String> allowed = Arrays.asList(sharedPackages);
        return noClasses().that().resideInAPackage(base + "..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "belong to another Dingus service (shared: " + String.join(", ", allowed) + ")",
                        (JavaClass c) -> isIn(c.getPackageName(), DINGUS) && !isIn(c.getPackageName(), base)
                                && allowed.stream().noneMatch(shared -> isIn(c.getPackageName(), shared))))
                .allowEmptyShould(false);
    }

    /**
     * Feature {@code kernel} (a shared kernel such as {@code core}) depends on none of {@code features}: the
     * features build on the kernel, never the other way round.
     */
    public ArchRule featureDependsOnNoneOf(String kernel, String... features) {
        String[] packages = Arrays.stream(features).map(f -> base + "." + f + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(base + "." + kernel + "..")
                .should().dependOnClassesThat().resideInAnyPackage(packages)
                .allowEmptyShould(false);
    }

    /** {@code dev.dingus.rooms.membership.internal} → {@code membership}; the base package itself is feature "". */
    public String featureOf(String packageName) {
        if (!packageName.startsWith(base + ".")) {
            return "";
        }
        String rest = packageName.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private ArchCondition<JavaClass> beUsedOnlyFromTheirOwnFeature() {
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

    /** {@code packageName} is {@code root} or one of its sub-packages. */
    private static boolean isIn(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }
}
