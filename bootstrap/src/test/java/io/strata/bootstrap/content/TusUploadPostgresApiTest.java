package io.strata.bootstrap.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TusUploadApiTest} against the PostgreSQL blob store: partial bytes are chunk rows under the upload's id. */
class TusUploadPostgresApiTest extends TusUploadApiTest {
    @Override
    protected Map<String, String> additionalProperties() {
        Map<String, String> properties = new HashMap<>(super.additionalProperties());
        properties.put("strata.content.blob-store", "postgres");
        return properties;
    }

    @Test
    void theStoreCheckFindsMissingBytes() {
        var owner = user("tus-pgc");
        byte[] content = random(10_000, 7);
        String upload = created(owner.token(), content.length, "lost.bin");
        patch(owner.token(), upload, 0, content).expect(204);
        var invariants = bean(io.strata.application.shared.InvariantQueries.class);
        String name = "content: every counted blob's bytes are complete in the PostgreSQL blob store";
        assertThat(invariants.violations(name, 10)).isEmpty();
        sql("DELETE FROM content_blob_digests WHERE sha256 = '" + hex(content) + "'");
        try {
            assertThat(invariants.violations(name, 10))
                    .containsExactly("blob " + hex(content) + ": no bytes in content_blob_digests");
        } finally {
            sql("INSERT INTO content_blob_digests (sha256, object_id, size_bytes) VALUES ('" + hex(content) + "', '"
                    + id(upload) + "', " + content.length + ")");
        }
    }

    @Override
    boolean partialExists(String uploadId) {
        // a completed upload's object may live on as the blob (named by its digest): that is no partial
        return sqlLong("SELECT count(*) FROM content_blob_chunks c WHERE object_id = '" + uploadId + "' AND NOT EXISTS "
                        + "(SELECT 1 FROM content_blob_digests d WHERE d.object_id = c.object_id)")
                > 0;
    }
}
