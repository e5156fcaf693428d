package dev.dingus.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.dingus.testsupport.DingusArchitectureRules;
import org.springframework.data.redis.core.RedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Architecture rules of the gateway; "fail on empty should" stays on (archunit.properties). */
@AnalyzeClasses(packages = "dev.dingus.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final DingusArchitectureRules RULES = DingusArchitectureRules.of("dev.dingus.gateway");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = RULES.featuresHaveNoCycles();

    @ArchTest
    static final ArchRule onlySharedContractsAreUsedFromOtherDingusCode =
            RULES.usesNoOtherServiceCode(DingusArchitectureRules.CONTRACTS);

    @ArchTest
    static final ArchRule theErrorShapeDependsOnNoFeature = RULES.featureDependsOnNoneOf("errors",
            "security", "ratelimit", "routing", "cors", "limits", "health", "apidocs", "headers", "clientaddress");

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
