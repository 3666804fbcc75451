package io.strata.adapters.web.shared;

import io.strata.domain.shared.value.Tags;
import java.util.Set;

/**
 * The shared kernel's values as responses show them. Every {@code *WebMapper} uses these (through
 * {@link WebMapperConfig}) and MapStruct picks them by type. Value helpers of the web adapter are
 * static methods in {@code uses}, not inherited: web mappers use each other (a login response holds a
 * user), and a helper inherited by both would be found twice.
 */
public final class KernelWebMappings {
    private KernelWebMappings() {}

    /** Sorted, as {@link Tags} keeps them. */
    public static Set<String> tags(Tags tags) {
        return tags == null ? Set.of() : tags.values();
    }
}
