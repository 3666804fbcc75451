package io.strata.bootstrap.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.content.FileSystemBlobStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The blob store contract on the file-system adapter (the default), under a directory of its own. */
class FileSystemBlobStoreContractTest extends BlobStoreContract {
    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of("strata.content.blob-store", "filesystem", "strata.content.blob-directory", BLOBS.toString());
    }

    @Test
    void theConfigurationChoosesThisAdapter() {
        assertThat(store()).isInstanceOf(FileSystemBlobStore.class);
    }
}
