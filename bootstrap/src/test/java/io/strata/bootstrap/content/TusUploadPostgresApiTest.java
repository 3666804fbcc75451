package io.strata.bootstrap.content;

import java.util.HashMap;
import java.util.Map;

/** {@link TusUploadApiTest} against the PostgreSQL blob store: partial bytes are chunk rows under the upload's id. */
class TusUploadPostgresApiTest extends TusUploadApiTest {
    @Override
    protected Map<String, String> additionalProperties() {
        Map<String, String> properties = new HashMap<>(super.additionalProperties());
        properties.put("strata.content.blob-store", "postgres");
        return properties;
    }

    @Override
    boolean partialExists(String uploadId) {
        // a completed upload's object may live on as the blob (named by its digest): that is no partial
        return sqlLong("SELECT count(*) FROM content_blob_chunks c WHERE object_id = '" + uploadId + "' AND NOT EXISTS "
                        + "(SELECT 1 FROM content_blob_digests d WHERE d.object_id = c.object_id)")
                > 0;
    }
}
