package dev.sluice.moduletests;

import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.sluice.api.Ticker;
import dev.sluice.moduletests.fixture.ReachesIntoTheEmulator;
import dev.sluice.moduletests.fixture.ReachesIntoThrottleInternals;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of DESIGN.md that the compiler and JPMS do not hold, checked on the production classes
 * of every Sluice module on this module's class path. Plain JUnit tests (not ArchUnit's {@code @ArchTest}
 * fields) so that a rule that finds a violation in code we may not change yet can be {@code @Disabled}
 * with the violation as its reason.
 */
class ArchitectureTest {

    /** Everything under {@code dev.sluice}, without test classes ({@code target/test-classes}). */
    private static JavaClasses production;

    static final ArchRule API_DEPENDS_ONLY_ON_THE_JDK = classes()
            .that().resideInAPackage("dev.sluice.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.sluice.api..")
            .because("every plugin compiles against the SPI, so anything it pulled in would be forced on all"
                    + " of them; api stays usable with the JDK alone");

    static final ArchRule INTERNAL_PACKAGES_STAY_IN_THEIR_MODULE = classes()
            .should(InternalPackages.onlyUseInternalPackagesOfTheirOwnModule())
            .because("internal packages are not exported, so they may change in any release; JPMS holds"
                    + " this on the module path, this rule holds it on the class path too");

    // The transport testkit is test code that lives in main scope (like throttle-testkit): its paced cases
    // put PacingMiddleware around the transport under test, which is what a transport itself must not do.
    static final ArchRule TRANSPORTS_DO_NOT_DEPEND_ON_THROTTLE = noClasses()
            .that().resideInAPackage("dev.sluice.transport..")
            .and().resideOutsideOfPackage("dev.sluice.transport.testkit..")
            .should().dependOnClassesThat().resideInAPackage("dev.sluice.throttle..")
            .allowEmptyShould(true)
            .because("throttling reaches a transport as a decorated body or a Middleware, so that every"
                    + " transport works with every limiter and none drags the pacing core in");

    // Two exceptions, both named: the sluice command runs the emulator for its demo, and the transport
    // testkit is the end-to-end suite that transports run against it (a test dependency only).
    static final ArchRule ONLY_TESTS_AND_THE_DEMO_USE_THE_EMULATOR = noClasses()
            .that().resideOutsideOfPackages("dev.sluice.emulator..", "dev.sluice.cli..", "dev.sluice.transport.testkit..")
            .should().dependOnClassesThat().resideInAPackage("dev.sluice.emulator..")
            .because("the emulator is a test server: a library that imported it would ship a fake OSS to its"
                    + " users and pull jdk.httpserver into their runtime");

    static final ArchRule NO_GRAB_BAG_PACKAGES = noClasses()
            .should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helper..", "..helpers..")
            .because("a grab-bag package has no single reason to exist: code lives with the type it serves,"
                    + " or in its module's internal package");

    static final ArchRule NO_SLEEPING = noClasses()
            .should().accessTargetWhere(sleep())
            .because("waits go through the injectable Parker and Scheduler, so that tests run on virtual"
                    + " time and a waiting thread can be woken by a rate change");

    // The internal SystemParker and SharedScheduler wait through LockSupport and a
    // ScheduledThreadPoolExecutor and never read the clock themselves, so Ticker is the only exception.
    static final ArchRule ONLY_TICKER_READS_THE_CLOCK = noClasses()
            .that().doNotHaveFullyQualifiedName(Ticker.class.getName())
            .should().accessTargetWhere(nanoTime())
            .because("time comes from an injectable Ticker, so that every pacing rule is checked on virtual"
                    + " time; Ticker.system() is the one door to the real clock");

    static final ArchRule TOP_LEVEL_PACKAGES_ARE_FREE_OF_CYCLES = slices()
            .matching("dev.sluice.(*)..")
            .should().beFreeOfCycles()
            .because("arrows only point down DESIGN.md's module table; a cycle would mean two modules that"
                    + " can only be used, and changed, together");

    static final ArchRule NO_GENERIC_EXCEPTIONS = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("callers handle what they can name: bad input is an IllegalArgumentException whose"
                    + " message names the value, the unit and the valid range; remote errors are typed");

    static final ArchRule NO_STANDARD_STREAMS = noClasses()
            .that().resideOutsideOfPackages("dev.sluice.cli..", "dev.sluice.jmh..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("a library does not write to its host's console; only the sluice command and the"
                    + " benchmarks own one");

    // ArchUnit's rule only sees a java.util.logging type stored in a field (the usual static LOGGER);
    // the second part also catches a direct Logger.getLogger(...).info(...).
    static final ArchRule NO_JAVA_UTIL_LOGGING = CompositeArchRule
            .of(GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING)
            .and(noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging.."))
            .because("a library does not choose its host's logging backend");

    static final ArchRule EVERY_MODULE_IS_LISTED = classes()
            .should().resideInAnyPackage(SluiceModule.packageTrees())
            .because("the internal-package rule attributes each package to a module listed in SluiceModule;"
                    + " a module missing there would have its packages misattributed");

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sluice");
    }

    @Test
    void importsTheProductionClassesOfEveryModuleAndNoTestClass() {
        for (SluiceModule module : SluiceModule.values()) {
            assertTrue(production.contain(module.anyClass), module.artifactId + " was not imported from " + module.location());
        }
        assertTrue(production.contain("dev.sluice.throttle.internal.LeakyBucketProvider"), "internal classes are imported");
        Set<String> tests = production.stream().map(JavaClass::getPackageName)
                .filter(name -> name.startsWith("dev.sluice.moduletests")).collect(Collectors.toSet());
        assertEquals(Set.of(), tests, "test classes were imported");
    }

    @Test
    void apiDependsOnlyOnTheJdk() {
        API_DEPENDS_ONLY_ON_THE_JDK.check(production);
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnModule() {
        INTERNAL_PACKAGES_STAY_IN_THEIR_MODULE.check(production);
    }

    @Test
    void theInternalPackageRuleFlagsAPluginThatReachesIntoThrottleInternals() {
        JavaClasses plugin = new ClassFileImporter().importClasses(ReachesIntoThrottleInternals.class);

        List<String> violations = INTERNAL_PACKAGES_STAY_IN_THEIR_MODULE.evaluate(plugin).getFailureReport().getDetails();

        assertFalse(violations.isEmpty(), "no violation reported");
        assertTrue(violations.stream().allMatch(v -> v.contains("dev.sluice.throttle.internal.LeakyBucketProvider")),
                violations::toString);
    }

    @Test
    void transportsDoNotDependOnTheThrottleCore() {
        TRANSPORTS_DO_NOT_DEPEND_ON_THROTTLE.check(production);
    }

    @Test
    void onlyTheTransportTestkitAndTheCommandUseTheEmulator() {
        ONLY_TESTS_AND_THE_DEMO_USE_THE_EMULATOR.check(production);
    }

    @Test
    void theEmulatorRuleFlagsATransportThatImportsTheEmulator() {
        JavaClasses transport = new ClassFileImporter().importClasses(ReachesIntoTheEmulator.class);

        assertTrue(ONLY_TESTS_AND_THE_DEMO_USE_THE_EMULATOR.evaluate(transport).hasViolation());
    }

    @Test
    void noPackageIsNamedUtilCommonOrHelpers() {
        NO_GRAB_BAG_PACKAGES.check(production);
    }

    @Test
    void productionCodeNeverSleeps() {
        NO_SLEEPING.check(production);
    }

    @Test
    void onlyTickerReadsSystemNanoTime() {
        ONLY_TICKER_READS_THE_CLOCK.check(production);
    }

    @Test
    void theClockRuleSeesTickersMethodReferenceToNanoTime() {
        // Ticker.system() is "System::nanoTime", a method reference, not a call: a rule on calls alone
        // would pass vacuously on every class.
        ArchRule withoutException = noClasses().should().accessTargetWhere(nanoTime());

        assertTrue(withoutException.evaluate(production).hasViolation());
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        TOP_LEVEL_PACKAGES_ARE_FREE_OF_CYCLES.check(production);
    }

    @Test
    void noClassThrowsGenericExceptions() {
        NO_GENERIC_EXCEPTIONS.check(production);
    }

    @Test
    void onlyTheCommandAndTheBenchmarksUseStandardStreams() {
        NO_STANDARD_STREAMS.check(production);
    }

    @Test
    void noClassUsesJavaUtilLogging() {
        NO_JAVA_UTIL_LOGGING.check(production);
    }

    @Test
    void everyImportedClassBelongsToAListedModule() {
        EVERY_MODULE_IS_LISTED.check(production);
    }

    /** Calls of, or method references to, {@code Thread.sleep} and {@code TimeUnit.sleep}. */
    private static DescribedPredicate<JavaAccess<?>> sleep() {
        return target(declaredIn(Thread.class).or(declaredIn(TimeUnit.class)).and(name("sleep")))
                .as("Thread.sleep or TimeUnit.sleep");
    }

    /** Calls of, or method references to, {@code System.nanoTime}. */
    private static DescribedPredicate<JavaAccess<?>> nanoTime() {
        return target(declaredIn(System.class).and(name("nanoTime"))).as("System.nanoTime");
    }
}
