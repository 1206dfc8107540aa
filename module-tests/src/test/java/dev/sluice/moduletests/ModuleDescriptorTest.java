package dev.sluice.moduletests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each module's {@code module-info.class}, read from the jar or classes directory the build produced:
 * its name, what it exports and requires, and that its {@code provides} match its
 * {@code META-INF/services} files, the registration class-path users see.
 */
class ModuleDescriptorTest {

    private static final String SERVICES = "META-INF/services/";

    @ParameterizedTest
    @EnumSource(SluiceModule.class)
    void isAnExplicitModuleOfTheExpectedName(SluiceModule module) {
        ModuleDescriptor descriptor = descriptor(module);

        assertEquals(module.moduleName, descriptor.name());
        assertFalse(descriptor.isAutomatic(), module.artifactId + " has no module-info");
        assertTrue(descriptor.packages().contains(module.anyClass.getPackageName()),
                () -> module.anyClass + " is not in " + descriptor.packages());
    }

    @ParameterizedTest
    @EnumSource(SluiceModule.class)
    void exportsExactlyItsApiPackagesToEveryone(SluiceModule module) {
        ModuleDescriptor descriptor = descriptor(module);

        Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(module.exports), exported);
        List<String> qualified = descriptor.exports().stream().filter(ModuleDescriptor.Exports::isQualified)
                .map(ModuleDescriptor.Exports::toString).toList();
        assertEquals(List.of(), qualified, "qualified exports");
    }

    @ParameterizedTest
    @EnumSource(SluiceModule.class)
    void opensOnlyWhatReflectionNeedsAndOnlyToThatLibrary(SluiceModule module) {
        ModuleDescriptor descriptor = descriptor(module);

        assertFalse(descriptor.isOpen(), module.moduleName + " is an open module");
        Set<String> opens = new java.util.TreeSet<>();
        descriptor.opens().forEach(open -> opens.add(open.toString()));
        assertEquals(new java.util.TreeSet<>(module.opens), opens, "opens");
    }

    @ParameterizedTest
    @EnumSource(SluiceModule.class)
    void requiresExactlyTheModulesItIsAllowedToUse(SluiceModule module) {
        Set<String> requires = descriptor(module).requires().stream().map(ModuleDescriptorTest::render)
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(new TreeSet<>(module.requires), requires);
    }

    @ParameterizedTest
    @EnumSource(SluiceModule.class)
    void providesTheSameImplementationsAsItsServiceFiles(SluiceModule module) throws IOException {
        ModuleReference reference = reference(module);
        Map<String, List<String>> provides = new TreeMap<>();
        for (ModuleDescriptor.Provides provided : reference.descriptor().provides()) {
            provides.put(provided.service(), sorted(provided.providers()));
        }

        // Both directions at once: a service or a provider in only one of the two registrations makes the
        // maps differ. Order is ignored (it is not part of the contract), duplicates are not.
        assertEquals(provides, serviceFiles(reference),
                "module-info 'provides' (expected) against META-INF/services (actual) in " + module.location());
    }

    /** {@code requires} as module-info would spell it: modifiers, then the module name. */
    private static String render(ModuleDescriptor.Requires requires) {
        StringBuilder text = new StringBuilder();
        // Sorted: modifiers() is a set without a defined order.
        requires.modifiers().stream().sorted()
                .forEach(modifier -> text.append(modifier.name().toLowerCase(Locale.ROOT)).append(' '));
        return text.append(requires.name()).toString();
    }

    /** Each {@code META-INF/services} file of the module: service name to provider class names. */
    private static Map<String, List<String>> serviceFiles(ModuleReference reference) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        try (ModuleReader reader = reference.open()) {
            List<String> names = reader.list()
                    .filter(name -> name.startsWith(SERVICES) && name.length() > SERVICES.length()
                            && !name.endsWith("/"))
                    .toList();
            for (String name : names) {
                try (InputStream in = reader.open(name).orElseThrow()) {
                    files.put(name.substring(SERVICES.length()), sorted(providerNames(in)));
                }
            }
        }
        return files;
    }

    /** The provider names of a service file: one a line, {@code #} starts a comment, blanks ignored. */
    private static List<String> providerNames(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    private static ModuleDescriptor descriptor(SluiceModule module) {
        return reference(module).descriptor();
    }

    private static ModuleReference reference(SluiceModule module) {
        // ModuleFinder.of takes a jar as a packaged module and a directory holding module-info.class as
        // an exploded one, so this reads whichever of the two Maven put on the class path.
        Set<ModuleReference> found = ModuleFinder.of(module.location()).findAll();
        assertEquals(1, found.size(), () -> "modules in " + module.location() + ": " + found);
        return found.iterator().next();
    }
}
