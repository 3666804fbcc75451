package io.strata.bootstrap.runtime;

import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.core.io.scan.DefaultClassPathResourceLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Micronaut's context builder, with the configuration files ({@code application.yml}) read the way the class
 * loader reads a class. Micronaut's own resource loader opens a jar as a zip file system to read one file from it,
 * which first indexes every one of the jar's ~37,000 entries (5% of a start's main thread: JFR, 1 ms sampling,
 * three restarts of {@code strata.jar}); the class loader has the jar's index already.
 */
final class StrataContextBuilder extends DefaultApplicationContextBuilder {

    private ConfigurationFiles resources;

    @Override
    public ClassPathResourceLoader getResourceLoader() {
        ClassLoader classLoader =
                getClassLoader() != null ? getClassLoader() : StrataContextBuilder.class.getClassLoader();
        if (resources == null || resources.getClassLoader() != classLoader) {
            resources = new ConfigurationFiles(classLoader);
        }
        return resources;
    }

    /**
     * Reads a file at the top of the class path (where Micronaut looks for {@code application.yml},
     * {@code application-<environment>.properties} and the like) through the class loader; anything else as
     * Micronaut does.
     */
    static final class ConfigurationFiles extends DefaultClassPathResourceLoader {
        private final ClassLoader classLoader;

        ConfigurationFiles(ClassLoader classLoader) {
            super(classLoader);
            this.classLoader = classLoader;
        }

        @Override
        public Optional<InputStream> getResourceAsStream(String path) {
            if (!isConfigurationFile(path)) {
                return super.getResourceAsStream(path);
            }
            try (InputStream in = classLoader.getResourceAsStream(path)) {
                return in == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException | UncheckedIOException e) {
                return super.getResourceAsStream(path);
            }
        }

        /** A file name with an extension and no directory (a directory of that name would be read as one). */
        static boolean isConfigurationFile(String path) {
            return path != null
                    && !path.isEmpty()
                    && path.indexOf('/') < 0
                    && path.indexOf('\\') < 0
                    && path.lastIndexOf('.') > 0
                    && !path.endsWith(".");
        }
    }
}
