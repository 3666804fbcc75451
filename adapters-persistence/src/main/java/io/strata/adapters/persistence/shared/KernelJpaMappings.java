package io.strata.adapters.persistence.shared;

import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.value.Tags;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mapstruct.BeanMapping;

/**
 * The shared kernel's values to and from columns, for every {@code *JpaMapper} (which extends this):
 * MapStruct picks these methods by type wherever a property needs them.
 */
public interface KernelJpaMappings {

    /** The stamp of a loaded row: version, created_at, updated_at (the id belongs to the aggregate). */
    @BeanMapping(ignoreUnmappedSourceProperties = "id")
    AuditStamp stamp(AggregateJpaColumns row);

    default String[] tagArray(Tags tags) {
        return tags == null ? new String[0] : tags.values().toArray(String[]::new);
    }

    default Tags tags(String[] tags) {
        return tags == null ? Tags.none() : Tags.of(Arrays.asList(tags));
    }

    /** A mutable copy for Hibernate's JSON type (JSON null values kept, so not Map.copyOf). */
    default Map<String, Object> json(Map<String, Object> value) {
        return value == null ? new LinkedHashMap<>() : new LinkedHashMap<>(value);
    }
}
