package io.strata.bootstrap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Strata's version (from the build), for {@code --version} and backup manifests. */
public final class StrataVersion implements CommandLine.IVersionProvider {

    private static final String VERSION = load();

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = StrataVersion.class.getClassLoader().getResourceAsStream("strata-version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank() && !version.startsWith("${")) {
                    return version.strip();
                }
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "development";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"strata " + VERSION + " (Java " + Runtime.version() + ")"};
    }
}
