package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.util.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FilterPaths#under} answers as Micronaut's Ant matching of {@code prefix} and {@code prefix/**} did. */
class FilterPathsTest {

    @Test
    void aPrefixCoversItselfAndWhatLiesBelowItAsTheAntPatternsDid() {
        List<String> paths = new ArrayList<>(List.of(
                "/api",
                "/api/",
                "/api/v1",
                "/api/v1/",
                "/api/v1/users/me",
                "/api/v10/users",
                "/apis",
                "/ap",
                "/",
                "",
                "api/v1",
                "/health",
                "/healthz",
                "/health/liveness",
                "/files/tus",
                "/files/tus/abc",
                "/files/tusk",
                "//api",
                "//api//v1///users",
                "/API/v1",
                "/ api /v1",
                "/api/\tv1/x",
                "/\u0000api"));
        // every path of up to four parts from pieces that stress separators, blanks and near misses
        List<String> pieces = List.of("/", "//", "api", "v1", " ", "x", "ap", "health", "files", "tus", "\t");
        generate("", 0, pieces, paths);
        for (String prefix : List.of(FilterPaths.API, FilterPaths.API_V1, "/health", "/files/tus")) {
            for (String path : paths) {
                boolean ant = PathMatcher.ANT.matches(prefix, path) || PathMatcher.ANT.matches(prefix + "/**", path);
                assertThat(FilterPaths.under(path, prefix))
                        .as("'%s' under %s", path, prefix)
                        .isEqualTo(ant);
            }
        }
    }

    private static void generate(String path, int parts, List<String> pieces, List<String> into) {
        into.add(path);
        if (parts < 4) {
            for (String piece : pieces) {
                generate(path + piece, parts + 1, pieces, into);
            }
        }
    }
}
