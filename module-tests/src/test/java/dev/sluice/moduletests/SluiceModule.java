package dev.sluice.moduletests;

import dev.sluice.api.DataRate;
import dev.sluice.cli.Main;
import dev.sluice.emulator.OssEmulator;
import dev.sluice.oss.TrafficLimit;
import dev.sluice.qos.QosBandwidth;
import dev.sluice.testkit.RateLimiterContract;
import dev.sluice.throttle.bucket4j.Bucket4jRateLimiter;
import dev.sluice.throttle.micrometer.SluiceLimiterMetrics;
import dev.sluice.throttle.LeakyBucket;
import dev.sluice.transfer.TransferManager;
import dev.sluice.transport.jdkhttp.JdkHttpTransport;
import dev.sluice.transport.micronaut.MicronautTransport;
import dev.sluice.transport.resilience.ResilientTransport;
import dev.sluice.transport.testkit.TransportEndToEndSuite;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The Sluice modules these tests cover, in one place. To cover a new module: add it as a test dependency
 * in {@code module-tests/pom.xml} and add one constant here; every test picks it up.
 * {@link ArchitectureTest} fails while a module is on the class path but missing here.
 */
enum SluiceModule {

    API("sluice-api", "dev.sluice.api", DataRate.class,
            Set.of("dev.sluice.api", "dev.sluice.api.spi"),
            Set.of("mandated java.base")),

    THROTTLE_CORE("sluice-throttle-core", "dev.sluice.throttle", LeakyBucket.class,
            Set.of("dev.sluice.throttle", "dev.sluice.throttle.schedule", "dev.sluice.throttle.tree"),
            Set.of("mandated java.base", "transitive dev.sluice.api")),

    THROTTLE_TESTKIT("sluice-throttle-testkit", "dev.sluice.testkit", RateLimiterContract.class,
            Set.of("dev.sluice.testkit"),
            Set.of("mandated java.base", "transitive dev.sluice.api", "transitive org.junit.jupiter.api"),
            Set.of("dev.sluice.testkit to [org.junit.platform.commons]")),

    THROTTLE_BUCKET4J("sluice-throttle-bucket4j", "dev.sluice.throttle.bucket4j", Bucket4jRateLimiter.class,
            Set.of("dev.sluice.throttle.bucket4j"),
            Set.of("mandated java.base", "transitive dev.sluice.api", "transitive io.github.bucket4j.core")),

    THROTTLE_MICROMETER("sluice-throttle-micrometer", "dev.sluice.throttle.micrometer", SluiceLimiterMetrics.class,
            Set.of("dev.sluice.throttle.micrometer"),
            Set.of("mandated java.base", "transitive dev.sluice.throttle", "transitive micrometer.core")),

    OSS("sluice-oss", "dev.sluice.oss", TrafficLimit.class,
            Set.of("dev.sluice.oss"),
            Set.of("mandated java.base", "transitive dev.sluice.api", "transitive dev.sluice.throttle",
                    "com.fasterxml.jackson.dataformat.xml", "com.fasterxml.jackson.databind",
                    "com.fasterxml.jackson.annotation", "java.xml"),
            Set.of("dev.sluice.oss.internal.xml to [com.fasterxml.jackson.databind]")),

    QOS_ADMIN("sluice-qos-admin", "dev.sluice.qos", QosBandwidth.class,
            Set.of("dev.sluice.qos"),
            Set.of("mandated java.base", "transitive dev.sluice.api", "transitive dev.sluice.oss",
                    "com.fasterxml.jackson.dataformat.xml", "com.fasterxml.jackson.databind",
                    "com.fasterxml.jackson.annotation"),
            Set.of("dev.sluice.qos.internal.xml to [com.fasterxml.jackson.databind]")),

    OSS_EMULATOR("sluice-oss-emulator", "dev.sluice.emulator", OssEmulator.class,
            Set.of("dev.sluice.emulator"),
            Set.of("mandated java.base", "transitive dev.sluice.api", "dev.sluice.throttle", "dev.sluice.oss",
                    "jdk.httpserver", "java.xml")),

    TRANSPORT_JDKHTTP("sluice-transport-jdkhttp", "dev.sluice.transport.jdkhttp", JdkHttpTransport.class,
            Set.of("dev.sluice.transport.jdkhttp"),
            Set.of("mandated java.base", "transitive dev.sluice.api", "transitive java.net.http")),

    TRANSPORT_RESILIENCE4J("sluice-transport-resilience4j", "dev.sluice.transport.resilience", ResilientTransport.class,
            Set.of("dev.sluice.transport.resilience"),
            Set.of("mandated java.base", "transitive dev.sluice.api", "transitive io.github.resilience4j.retry",
                    "transitive io.github.resilience4j.circuitbreaker", "transitive io.github.resilience4j.core",
                    "org.slf4j")),

    TRANSFER_MANAGER("sluice-transfer-manager", "dev.sluice.transfer", TransferManager.class,
            Set.of("dev.sluice.transfer"),
            Set.of("mandated java.base", "transitive dev.sluice.api", "transitive dev.sluice.throttle",
                    "transitive dev.sluice.oss")),

    TRANSPORT_TESTKIT("sluice-transport-testkit", "dev.sluice.transport.testkit", TransportEndToEndSuite.class,
            Set.of("dev.sluice.transport.testkit"),
            Set.of("mandated java.base", "transitive dev.sluice.api", "transitive dev.sluice.oss", "transitive dev.sluice.emulator",
                    "transitive org.junit.jupiter.api", "dev.sluice.throttle"),
            Set.of("dev.sluice.transport.testkit to [org.junit.platform.commons]")),

    TRANSPORT_MICRONAUT("sluice-transport-micronaut", "dev.sluice.transport.micronaut", MicronautTransport.class,
            Set.of("dev.sluice.transport.micronaut"),
            Set.of("mandated java.base", "transitive dev.sluice.api", "transitive io.micronaut.micronaut_http_client_core",
                    "transitive io.micronaut.micronaut_http", "io.micronaut.micronaut_http_client",
                    "io.micronaut.micronaut_buffer_netty", "io.netty.handler", "io.micronaut.micronaut_jackson_databind", "io.micronaut.micronaut_core",
                    "io.micronaut.micronaut_inject",
                    "io.micronaut.micronaut_context", "io.micronaut.micronaut_core_reactive", "jakarta.inject",
                    "jakarta.annotation", "org.reactivestreams", "org.slf4j")),

    CLI("sluice-cli", "dev.sluice.cli", Main.class,
            Set.of("dev.sluice.cli"),
            Set.of("mandated java.base", "dev.sluice.api", "dev.sluice.throttle", "dev.sluice.oss", "dev.sluice.emulator",
                    "dev.sluice.qos", "com.fasterxml.jackson.databind", "dev.sluice.transport.jdkhttp",
                    "dev.sluice.transport.micronaut", "dev.sluice.throttle.bucket4j", "info.picocli"),
            // picocli reads and sets the commands' option fields reflectively
            Set.of("dev.sluice.cli to [info.picocli]", "dev.sluice.cli.internal to [info.picocli]"));

    /** The Maven artifactId, for messages. */
    final String artifactId;
    /** The JPMS module name, which is also the root of the module's package tree. */
    final String moduleName;
    /** Any public class of the module, to find its jar or classes directory. */
    final Class<?> anyClass;
    /** The packages exported to everyone; nothing else may be exported or opened. */
    final Set<String> exports;
    /** Each {@code requires} as its modifiers (lower case) then the module name, e.g. "transitive dev.sluice.api". */
    final Set<String> requires;
    /**
     * Each {@code opens}, as the descriptor prints it; only qualified opens to the library that binds the
     * package reflectively are ever allowed: Jackson for internal XML documents, picocli for the commands,
     * JUnit for the testkits' inherited test methods.
     */
    final Set<String> opens;

    SluiceModule(String artifactId, String moduleName, Class<?> anyClass, Set<String> exports, Set<String> requires) {
        this(artifactId, moduleName, anyClass, exports, requires, Set.of());
    }

    SluiceModule(String artifactId, String moduleName, Class<?> anyClass, Set<String> exports, Set<String> requires,
            Set<String> opens) {
        this.opens = opens;
        this.artifactId = artifactId;
        this.moduleName = moduleName;
        this.anyClass = anyClass;
        this.exports = exports;
        this.requires = requires;
    }

    /** The root package: the module's classes live in it or below it. */
    String rootPackage() {
        return moduleName;
    }

    /**
     * The module's jar or classes directory as the build put it on the class path: {@code target/classes}
     * when Maven stops at {@code test}, the packaged jar from {@code package} on.
     */
    Path location() {
        try {
            return Path.of(codeSource().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + artifactId + " from " + codeSource(), e);
        }
    }

    /** {@link #location()} as the class loader spells it, the prefix of the module's resource URLs. */
    URL codeSource() {
        return anyClass.getProtectionDomain().getCodeSource().getLocation();
    }

    /**
     * The module whose package tree holds {@code packageName}; the longest root wins, so that a module
     * nested in another's tree (say {@code dev.sluice.throttle.bucket4j}) is told apart from it.
     */
    static Optional<SluiceModule> owning(String packageName) {
        SluiceModule best = null;
        for (SluiceModule module : values()) {
            String root = module.rootPackage();
            boolean inTree = packageName.equals(root) || packageName.startsWith(root + ".");
            if (inTree && (best == null || root.length() > best.rootPackage().length())) {
                best = module;
            }
        }
        return Optional.ofNullable(best);
    }

    /** ArchUnit patterns for every module's package tree ({@code dev.sluice.api..}). */
    static String[] packageTrees() {
        return Arrays.stream(values()).map(module -> module.rootPackage() + "..").toArray(String[]::new);
    }
}
