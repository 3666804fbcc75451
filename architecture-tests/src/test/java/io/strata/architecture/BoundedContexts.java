package io.strata.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounded contexts, found from package names and not from a list (DESIGN §2): the package directly
 * below a layer package ({@code <root>.domain}, {@code <root>.application},
 * {@code <root>.adapters.persistence}, {@code <root>.adapters.web}) is the context, except
 * {@code shared}. A context added tomorrow (say {@code io.strata.domain.billing}) is covered
 * without editing any rule. The root is a parameter only so that the rules can be tested on fixtures.
 */
final class BoundedContexts {
    static final String SHARED = "shared";
    static final BoundedContexts STRATA = new BoundedContexts(Strata.ROOT);

    private final String root;
    private final Pattern layerPackage;

    BoundedContexts(String root) {
        this.root = root;
        this.layerPackage = Pattern.compile("^" + Pattern.quote(root)
                + "\\.(domain|application|adapters\\.persistence|adapters\\.web)(?:\\.([^.]+))?(?:\\..*)?$");
    }

    DescribedPredicate<JavaClass> resideInAContext() {
        return describe(
                "reside in a bounded-context package (" + root + ".<layer>.<context>..)",
                c -> contextOf(c.getPackageName()).isPresent());
    }

    DescribedPredicate<JavaClass> resideInASharedPackage() {
        return describe(
                "reside in a shared package (" + root + ".<layer>.shared..)", c -> isShared(c.getPackageName()));
    }

    /** The context a package belongs to; empty for shared packages, layer roots and non-layer packages. */
    Optional<String> contextOf(String packageName) {
        Matcher m = layerPackage.matcher(packageName);
        if (!m.matches() || m.group(2) == null || SHARED.equals(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(m.group(2));
    }

    boolean isShared(String packageName) {
        Matcher m = layerPackage.matcher(packageName);
        return m.matches() && SHARED.equals(m.group(2));
    }

    /**
     * Ids are the only published language between contexts: a record named {@code *Id} declared in
     * the domain package of its context ({@code <root>.domain.<context>}).
     */
    boolean isPublishedId(JavaClass target, String context) {
        return target.isRecord()
                && target.getSimpleName().endsWith("Id")
                && target.getPackageName().equals(root + ".domain." + context);
    }

    /** Rule 9: a class of context A depends on context B only through B's id records. */
    ArchCondition<JavaClass> dependOnOtherContextsOnlyThroughTheirIds() {
        return new ArchCondition<>(
                "depend on other bounded contexts only through their id records (" + root + ".domain.<other>.*Id)") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = contextOf(origin.getPackageName()).orElseThrow();
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Optional<String> other = contextOf(target.getPackageName());
                    if (other.isPresent() && !other.get().equals(own) && !isPublishedId(target, other.get())) {
                        events.add(SimpleConditionEvent.violated(
                                dependency,
                                "context '" + own + "' reaches into " + "context '" + other.get() + "': "
                                        + dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** Rule 10: shared packages depend on no context at all. */
    ArchCondition<JavaClass> notDependOnAnyContext() {
        return new ArchCondition<>("not depend on any bounded-context package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Optional<String> context = contextOf(target.getPackageName());
                    if (context.isPresent()) {
                        events.add(SimpleConditionEvent.violated(
                                dependency,
                                "shared code depends on context '" + context.get() + "': "
                                        + dependency.getDescription()));
                    }
                }
            }
        };
    }
}
