package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;

class DatabaseVersionSettingsTest {

    @Test
    void aKnownVersionIsTheDialectsAndHibernateDoesNotAskTheConnection() {
        assertThat(new DatabaseVersionSettings(" 17.2 ").supply(null))
                .containsEntry(AvailableSettings.ALLOW_METADATA_ON_BOOT, false)
                .containsEntry(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL")
                .containsEntry(AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION, "17.2")
                .containsEntry(AvailableSettings.USE_SCROLLABLE_RESULTSET, true)
                .containsEntry(AvailableSettings.USE_GET_GENERATED_KEYS, true);
    }

    @Test
    void withoutAVersionHibernateAsksAsBefore() {
        for (String unknown : new String[] {null, "", "17", "17.2.1", "seventeen", "17.x", "12345.1"}) {
            assertThat(new DatabaseVersionSettings(unknown).supply(null))
                    .as(unknown)
                    .isEmpty();
        }
    }
}
