package dev.dingus.gateway;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.redis.core.RedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Architecture rules of the gateway; "fail on empty should" stays on (archunit.properties). */
@AnalyzeClasses(packages = "dev.dingus.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("dev.dingus.gateway.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlySharedContractsAreUsedFromOtherDingusCode = noClasses()
            .that().resideInAPackage("dev.dingus.gateway..")
            .should().dependOnClassesThat(resideInAPackage("dev.dingus..")
                    .and(not(resideInAnyPackage("dev.dingus.gateway..", "dev.dingus.contracts.."))));

    @ArchTest
    static final ArchRule theErrorShapeDependsOnNoFeature = noClasses()
            .that().resideInAPackage("dev.dingus.gateway.errors..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.dingus.gateway.security..",
                    "dev.dingus.gateway.ratelimit..", "dev.dingus.gateway.routing..", "dev.dingus.gateway.cors..",
                    "dev.dingus.gateway.limits..", "dev.dingus.gateway.health..", "dev.dingus.gateway.apidocs..",
                    "dev.dingus.gateway.headers..");

    /** Every request runs on a Netty event loop: nothing in the gateway may block on a reactive result. */
    @ArchTest
    static final ArchRule nothingBlocksTheEventLoop = noClasses()
            .that().resideInAPackage("dev.dingus.gateway..")
            .should().callMethod(Mono.class, "block")
            .orShould().callMethod(Mono.class, "block", java.time.Duration.class)
            .orShould().callMethod(Flux.class, "blockFirst")
            .orShould().callMethod(Flux.class, "blockLast")
            .orShould().callMethod(Flux.class, "toIterable")
            .orShould().callMethod(Thread.class, "sleep", long.class);

    @ArchTest
    static final ArchRule redisIsOnlyUsedReactively = noClasses()
            .that().resideInAPackage("dev.dingus.gateway..")
            .should().dependOnClassesThat().areAssignableTo(RedisTemplate.class);
}
