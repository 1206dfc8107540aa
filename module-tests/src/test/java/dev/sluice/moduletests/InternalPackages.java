package dev.sluice.moduletests;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;

/**
 * The rule that an {@code internal} package belongs to one module. JPMS enforces it on the module path
 * (internal packages are not exported), but nothing does on the class path, where most applications
 * still run; this condition holds it there.
 */
final class InternalPackages {

    private static final String INTERNAL = "internal";

    private InternalPackages() {
    }

    /**
     * Classes depend on an {@code internal} package only when it belongs to their own module. A package
     * in a {@link SluiceModule}'s tree belongs to that module; any other internal package (a library's,
     * the JDK's) belongs to the tree above its {@code internal} segment, which no Sluice class is in.
     */
    static ArchCondition<JavaClass> onlyUseInternalPackagesOfTheirOwnModule() {
        return new ArchCondition<>("only depend on internal packages of their own module") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String originOwner = owner(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    if (isInternal(target) && !owner(target).equals(originOwner)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + " [" + target + " belongs to " + owner(target) + ", not " + originOwner + "]"));
                    }
                }
            }
        };
    }

    static boolean isInternal(String packageName) {
        return Arrays.asList(packageName.split("\\.")).contains(INTERNAL);
    }

    /** The root of the module that owns {@code packageName}. */
    static String owner(String packageName) {
        return SluiceModule.owning(packageName).map(SluiceModule::rootPackage)
                .orElseGet(() -> isInternal(packageName) ? aboveInternal(packageName) : packageName);
    }

    private static String aboveInternal(String packageName) {
        String[] segments = packageName.split("\\.");
        int internal = Arrays.asList(segments).indexOf(INTERNAL);
        return String.join(".", Arrays.copyOfRange(segments, 0, internal));
    }
}
