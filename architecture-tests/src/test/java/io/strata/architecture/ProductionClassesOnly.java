package io.strata.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * Imports the production classes of every module and nothing else: no test classes of any module
 * (this one included), whether they come from a {@code target/test-classes} directory or from a
 * {@code -tests.jar}. The rules are about the code that ships.
 */
public final class ProductionClassesOnly implements ImportOption {
    private static final ImportOption NO_TEST_DIRECTORIES = new DoNotIncludeTests();
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests?\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
        return NO_TEST_DIRECTORIES.includes(location)
                && !location.contains("/test-classes/")
                && !location.matches(TEST_JAR);
    }
}
