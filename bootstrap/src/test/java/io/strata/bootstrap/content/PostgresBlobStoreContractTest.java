package io.strata.bootstrap.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.content.PostgresBlobStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The blob store contract on the PostgreSQL adapter ({@code strata.content.blob-store=postgres}). */
class PostgresBlobStoreContractTest extends BlobStoreContract {
    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of("strata.content.blob-store", "postgres", "strata.content.blob-directory", BLOBS.toString());
    }

    @Test
    void theConfigurationChoosesThisAdapter() {
        assertThat(store()).isInstanceOf(PostgresBlobStore.class);
    }

    @Test
    void bytesAreChunkedRowsOfAtMostOneMebibyte() throws Exception {
        String sha256 = put(random(LARGE, 20)).hex();
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", "");
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT max(octet_length(bytes)), count(*) FROM content_blob_chunks c "
                                + "JOIN content_blob_digests d ON d.object_id = c.object_id WHERE d.sha256 = '"
                                + sha256 + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1024 * 1024);
            assertThat(rows.getInt(2)).isEqualTo(3);
        }
    }
}
