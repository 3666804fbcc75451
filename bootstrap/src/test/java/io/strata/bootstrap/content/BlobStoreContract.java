package io.strata.bootstrap.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.transaction.hibernate.HibernateTransactionManager;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.domain.content.BlobStore;
import io.strata.domain.content.Sha256;
import io.strata.domain.content.UploadId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BlobStore} adapter passes, run against each (a subclass per adapter chooses it by
 * configuration, in the application it runs in): content in, the same content out, from any offset; nothing
 * visible before promotion, also when the stream broke half-way; concurrent promotions of one digest; partials.
 */
abstract class BlobStoreContract extends IntegrationTest {
    /** More than two 1 MiB chunks and not a multiple of any buffer, so reads cross chunk boundaries. */
    static final int LARGE = 2 * 1024 * 1024 + 12_345;

    static final Path BLOBS = tempDirectory();

    static Path tempDirectory() {
        try {
            return Files.createTempDirectory("strata-blob-contract-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BlobStore store() {
        return bean(BlobStore.class);
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static Sha256 sha256(byte[] bytes) {
        try {
            return Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Promotes in a transaction of its own, as the application does (PostgreSQL: the digest row joins it). */
    void promote(BlobStore.Staged staged) {
        bean(HibernateTransactionManager.class).executeWrite(status -> {
            try {
                store().promote(staged);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    void delete(Sha256 sha256) {
        bean(HibernateTransactionManager.class).executeWrite(status -> {
            try {
                store().delete(sha256);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    Sha256 put(byte[] bytes) throws IOException {
        BlobStore.Staged staged = store().stage(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
        try {
            promote(staged);
        } finally {
            store().discard(staged);
        }
        return staged.sha256();
    }

    byte[] get(Sha256 sha256, long offset) throws IOException {
        Optional<InputStream> in = store().open(sha256, offset);
        assertThat(in).as("blob %s", sha256).isPresent();
        try (InputStream stream = in.get()) {
            return stream.readAllBytes();
        }
    }

    /** A stream that yields {@code bytes}, then fails as a client that went away does. */
    static InputStream breaking(byte[] bytes) {
        return new SequenceInputStream(new ByteArrayInputStream(bytes), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset by the test");
            }
        });
    }

    @Test
    void storesAndReadsBackExactBytesUnderTheirDigest() throws IOException {
        byte[] content = random(LARGE, 1);
        BlobStore.Staged staged = store().stage(new ByteArrayInputStream(content), Long.MAX_VALUE);
        assertThat(staged.sha256()).isEqualTo(sha256(content));
        assertThat(staged.sizeBytes()).isEqualTo(LARGE);
        assertThat(store().contains(staged.sha256())).as("staged, not promoted").isFalse();
        assertThat(store().open(staged.sha256(), 0)).isEmpty();

        promote(staged);
        store().discard(staged);

        assertThat(store().contains(staged.sha256())).isTrue();
        assertThat(get(staged.sha256(), 0)).isEqualTo(content);
    }

    @Test
    void rangeReadsStartAtAnyOffset() throws IOException {
        byte[] content = random(LARGE, 2);
        Sha256 sha256 = put(content);
        for (long offset : new long[] {1, 65_535, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, LARGE - 1, LARGE}) {
            assertThat(get(sha256, offset))
                    .as("from %d", offset)
                    .isEqualTo(Arrays.copyOfRange(content, (int) offset, LARGE));
        }
    }

    @Test
    void emptyContentIsABlobToo() throws IOException {
        Sha256 sha256 = put(new byte[0]);
        assertThat(sha256).isEqualTo(sha256(new byte[0]));
        assertThat(store().contains(sha256)).isTrue();
        assertThat(get(sha256, 0)).isEmpty();
    }

    @Test
    void unknownDigestsAreAbsent() throws IOException {
        Sha256 unknown = sha256(random(10, 3));
        assertThat(store().contains(unknown)).isFalse();
        assertThat(store().open(unknown, 0)).isEmpty();
        delete(unknown); // no-op
    }

    @Test
    void deleteRemovesTheBytes() throws IOException {
        byte[] content = random(LARGE, 4);
        Sha256 sha256 = put(content);
        delete(sha256);
        assertThat(store().contains(sha256)).isFalse();
        assertThat(store().open(sha256, 0)).isEmpty();
        // the same content can come back
        assertThat(put(content)).isEqualTo(sha256);
        assertThat(get(sha256, 0)).isEqualTo(content);
    }

    @Test
    void aStreamBrokenHalfWayLeavesNothingVisible() throws IOException {
        byte[] content = random(LARGE, 5);
        byte[] half = Arrays.copyOf(content, LARGE / 2);
        assertThatThrownBy(() -> store().stage(breaking(half), Long.MAX_VALUE)).isInstanceOf(IOException.class);
        assertThat(store().contains(sha256(content))).isFalse();
        assertThat(store().contains(sha256(half))).isFalse();
    }

    @Test
    void moreThanTheLimitIsRefusedAndNothingKept() throws IOException {
        byte[] content = random(LARGE, 6);
        assertThatThrownBy(() -> store().stage(new ByteArrayInputStream(content), LARGE - 1))
                .isInstanceOf(BlobStore.LimitExceeded.class);
        assertThat(store().contains(sha256(content))).isFalse();
        // exactly the limit is fine
        BlobStore.Staged staged = store().stage(new ByteArrayInputStream(content), LARGE);
        store().discard(staged);
        assertThat(store().contains(sha256(content))).isFalse();
    }

    @Test
    void concurrentPutsOfTheSameContentStoreItOnce() throws Exception {
        byte[] content = random(LARGE, 7);
        int writers = 4;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Sha256>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return put(content);
                }));
            }
            for (Future<Sha256> result : results) {
                assertThat(result.get()).isEqualTo(sha256(content));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(get(sha256(content), 0)).isEqualTo(content);
        // whatever the losers left is staging, never the winner's bytes
        store().discardAbandoned(Instant.now().plusSeconds(60));
        assertThat(get(sha256(content), 0)).isEqualTo(content);
    }

    @Test
    void aPartialResumesFromItsSizeAfterABrokenAppend() throws IOException {
        byte[] content = random(LARGE, 8);
        UploadId upload = UploadId.newId();
        store().createPartial(upload);
        store().createPartial(upload); // idempotent
        assertThat(store().partialSize(upload)).isZero();

        int cut = 1024 * 1024 + 77;
        assertThatThrownBy(() -> store().append(upload, 0, breaking(Arrays.copyOf(content, cut)), LARGE))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(BlobStore.OffsetConflict.class);
        long received = store().partialSize(upload);
        assertThat(received).isEqualTo(cut); // everything that arrived is kept
        assertThat(store().contains(sha256(content))).isFalse();

        assertThatThrownBy(() -> store().append(upload, 0, new ByteArrayInputStream(content), LARGE))
                .isInstanceOfSatisfying(
                        BlobStore.OffsetConflict.class,
                        e -> assertThat(e.currentSize()).isEqualTo(cut));

        long size = store().append(
                        upload,
                        received,
                        new ByteArrayInputStream(Arrays.copyOfRange(content, (int) received, LARGE)),
                        LARGE - received);
        assertThat(size).isEqualTo(LARGE);

        BlobStore.Staged staged = store().finish(upload);
        assertThat(staged.sha256()).isEqualTo(sha256(content));
        assertThat(staged.sizeBytes()).isEqualTo(LARGE);
        assertThat(store().contains(staged.sha256()))
                .as("finished, not promoted")
                .isFalse();
        promote(staged);
        store().discard(staged);
        assertThat(get(staged.sha256(), 0)).isEqualTo(content);
    }

    @Test
    void aPartialKeepsNoMoreThanItsLimit() throws IOException {
        UploadId upload = UploadId.newId();
        store().createPartial(upload);
        assertThatThrownBy(() -> store().append(upload, 0, new ByteArrayInputStream(random(1000, 9)), 600))
                .isInstanceOf(BlobStore.LimitExceeded.class);
        assertThat(store().partialSize(upload)).isEqualTo(600);
        store().discardPartial(upload);
        assertThat(store().partialSize(upload)).isLessThanOrEqualTo(0);
    }

    @Test
    void abandonedStagingIsCollectedButNeverAStoredBlob() throws IOException {
        byte[] kept = random(1000, 10);
        Sha256 stored = put(kept);
        UploadId upload = UploadId.newId();
        store().createPartial(upload);
        store().append(upload, 0, new ByteArrayInputStream(random(1000, 11)), 1000);

        assertThat(store().discardAbandoned(Instant.now().minusSeconds(3600)))
                .as("nothing that old")
                .isZero();
        assertThat(store().partialSize(upload)).isEqualTo(1000);
        assertThat(store().discardAbandoned(Instant.now().plusSeconds(60))).isPositive();
        assertThat(store().partialSize(upload)).isLessThanOrEqualTo(0);
        assertThat(get(stored, 0)).isEqualTo(kept);
    }
}
