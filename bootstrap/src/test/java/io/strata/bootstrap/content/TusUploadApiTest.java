package io.strata.bootstrap.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.application.content.SweepBlobsUseCase;
import io.strata.bootstrap.testing.Api.Response;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Resumable uploads (tus 1.0 core, creation, expiration) over HTTP against PostgreSQL and the file-system blob
 * store; {@link TusUploadPostgresApiTest} runs the same against the PostgreSQL store.
 */
class TusUploadApiTest extends IntegrationTest {
    static final String UPLOADS = "/api/v1/files/uploads";
    static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
    /** Crosses the PostgreSQL store's 1 MiB chunks and the file store's buffers, at no boundary. */
    static final int SIZE = 3 * 1024 * 1024 + 4321;

    static final Path BLOBS = tempDirectory();

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of(
                "strata.content.blob-store",
                "filesystem",
                "strata.content.blob-directory",
                BLOBS.toString(),
                "strata.content.max-file-size",
                String.valueOf(MAX_FILE_BYTES),
                "strata.content.sweep-interval",
                "1h");
    }

    static Path tempDirectory() {
        try {
            return Files.createTempDirectory("strata-tus-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestUser user(String prefix) {
        return api().newUser(adminToken(), prefix, null);
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    Response create(String token, long length, String metadata) {
        var call = api().post(UPLOADS).token(token).header("Tus-Resumable", "1.0.0");
        if (length >= 0) {
            call.header("Upload-Length", String.valueOf(length));
        }
        if (metadata != null) {
            call.header("Upload-Metadata", metadata);
        }
        return call.send();
    }

    String created(String token, long length, String fileName) {
        Response response = create(
                        token, length, "filename " + b64(fileName) + ",filetype " + b64("application/x-test"))
                .expect(201);
        assertThat(response.header("Tus-Resumable")).hasValue("1.0.0");
        assertThat(response.header("Upload-Expires"))
                .hasValueSatisfying(v -> assertThat(v).endsWith(" GMT"));
        String location = response.header("Location").orElseThrow();
        assertThat(location).startsWith(UPLOADS + "/");
        return location;
    }

    Response head(String token, String upload) {
        return api().method("HEAD", upload)
                .token(token)
                .header("Tus-Resumable", "1.0.0")
                .send();
    }

    Response patch(String token, String upload, long offset, byte[] bytes) {
        return api().patch(upload)
                .token(token)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", String.valueOf(offset))
                .bytes(bytes, "application/offset+octet-stream")
                .send();
    }

    long offset(String token, String upload) {
        return Long.parseLong(
                head(token, upload).expect(200).header("Upload-Offset").orElseThrow());
    }

    byte[] download(String token, String file) {
        return http().exchange(
                        io.micronaut.http.HttpRequest.GET(file + "/content").bearerAuth(token), byte[].class)
                .body();
    }

    long sqlLong(String query) {
        try (Connection connection = TestPostgres.connect(jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void sql(String update) {
        try (Connection connection = TestPostgres.connect(jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(update);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the store still holds partial bytes of the upload (the file store's view; overridden per store). */
    boolean partialExists(String uploadId) {
        return Files.exists(BLOBS.resolve("uploads").resolve(uploadId + ".part"));
    }

    static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void optionsAnswersTheCapabilitiesWithoutAToken() {
        Response response = api().method("OPTIONS", UPLOADS).send().expect(204);
        assertThat(response.header("Tus-Resumable")).hasValue("1.0.0");
        assertThat(response.header("Tus-Version")).hasValue("1.0.0");
        assertThat(response.header("Tus-Extension")).hasValue("creation,expiration");
        assertThat(response.header("Tus-Max-Size")).hasValue(String.valueOf(MAX_FILE_BYTES));
    }

    @Test
    void anotherProtocolVersionIsAPreconditionFailure() {
        TestUser owner = user("tus-v");
        for (String version : new String[] {null, "0.2.2", "2.0.0"}) {
            var call = api().post(UPLOADS).token(owner.token()).header("Upload-Length", "10");
            if (version != null) {
                call.header("Tus-Resumable", version);
            }
            Response response = call.send();
            response.problem(412);
            assertThat(response.header("Tus-Version")).hasValue("1.0.0");
            assertThat(response.header("Tus-Resumable")).hasValue("1.0.0");
        }
        assertThat(sqlLong("SELECT count(*) FROM content_uploads WHERE owner_id = '" + owner.id() + "'"))
                .isZero();
    }

    @Test
    void creationRefusesBadLengthsAndHostileMetadata() {
        TestUser owner = user("tus-c");
        assertThat(create(owner.token(), -1, null).errorFields(400)).containsExactly("Upload-Length");
        for (String length : new String[] {"abc", "-1", "1.5", "+10", "99999999999999999999", "9223372036854775808"}) {
            assertThat(api().post(UPLOADS)
                            .token(owner.token())
                            .header("Tus-Resumable", "1.0.0")
                            .header("Upload-Length", length)
                            .send()
                            .errorFields(400))
                    .as(length)
                    .containsExactly("Upload-Length");
        }
        Response tooLarge = create(owner.token(), MAX_FILE_BYTES + 1L, null);
        tooLarge.problem(413);
        assertThat(tooLarge.header("Tus-Resumable")).hasValue("1.0.0");

        for (String metadata : new String[] {
            "filename !!!notbase64",
            "filename " + b64("a") + ",filename " + b64("b"),
            "filename a b c",
            "file name " + b64("x"),
            "filename " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe}),
            "visibility " + b64("EVERYONE"),
        }) {
            assertThat(create(owner.token(), 10, metadata).errorFields(400))
                    .as(metadata)
                    .containsExactly("Upload-Metadata");
        }
        for (String hostileName : new String[] {"a\u0000b", "evil\r\nSet-Cookie: x=1", "x".repeat(256)}) {
            create(owner.token(), 10, "filename " + b64(hostileName)).problem(400);
        }
        create(owner.token(), 10, "filetype " + b64("not a type")).problem(400);
        assertThat(sqlLong("SELECT count(*) FROM content_uploads WHERE owner_id = '" + owner.id() + "'"))
                .isZero();
    }

    @Test
    void anUploadInSeveralAppendsBecomesTheExactFile() {
        TestUser owner = user("tus-ok");
        byte[] content = random(SIZE, 1);
        String upload = created(owner.token(), SIZE, "big.bin");

        Response head = head(owner.token(), upload).expect(200);
        assertThat(head.header("Upload-Offset")).hasValue("0");
        assertThat(head.header("Upload-Length")).hasValue(String.valueOf(SIZE));
        assertThat(head.header("Cache-Control")).hasValue("no-store");
        assertThat(head.header("Tus-Resumable")).hasValue("1.0.0");

        int first = 1024 * 1024 + 17;
        Response appended =
                patch(owner.token(), upload, 0, Arrays.copyOf(content, first)).expect(204);
        assertThat(appended.header("Upload-Offset")).hasValue(String.valueOf(first));
        assertThat(appended.header("Tus-Resumable")).hasValue("1.0.0");
        assertThat(appended.header("Content-Location")).isEmpty();

        // a wrong offset, a wrong content type: refused, nothing appended
        patch(owner.token(), upload, 0, new byte[] {1, 2, 3}).problem(409);
        patch(owner.token(), upload, first + 1, new byte[] {1, 2, 3}).problem(409);
        api().patch(upload)
                .token(owner.token())
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", String.valueOf(first))
                .bytes(new byte[] {1, 2, 3}, "application/octet-stream")
                .send()
                .problem(415);
        assertThat(api().patch(upload)
                        .token(owner.token())
                        .header("Tus-Resumable", "1.0.0")
                        .bytes(new byte[] {1}, "application/offset+octet-stream")
                        .send()
                        .errorFields(400))
                .containsExactly("Upload-Offset");
        assertThat(offset(owner.token(), upload)).isEqualTo(first);

        // more than Upload-Length: 413
        patch(owner.token(), upload, first, new byte[SIZE]).problem(413);
        sql("DELETE FROM content_uploads WHERE id = '" + id(upload) + "'"); // that one is spoiled; start again

        upload = created(owner.token(), SIZE, "big.bin");
        patch(owner.token(), upload, 0, Arrays.copyOf(content, first)).expect(204);
        int second = 2 * 1024 * 1024;
        patch(owner.token(), upload, first, Arrays.copyOfRange(content, first, second))
                .expect(204);
        Response last = patch(owner.token(), upload, second, Arrays.copyOfRange(content, second, SIZE))
                .expect(204);
        assertThat(last.header("Upload-Offset")).hasValue(String.valueOf(SIZE));
        String file = last.header("Content-Location").orElseThrow();

        Map<String, Object> metadata =
                api().get(file).token(owner.token()).send().expect(200).json();
        assertThat(metadata)
                .containsEntry("name", "big.bin")
                .containsEntry("mimeType", "application/x-test")
                .containsEntry("sha256", hex(content))
                .containsEntry("visibility", "PRIVATE");
        assertThat(download(owner.token(), file)).isEqualTo(content);
        assertThat(sqlLong("SELECT size_bytes FROM content_files WHERE sha256 = '" + hex(content) + "'"))
                .isEqualTo(SIZE);

        // complete: the upload is gone
        head(owner.token(), upload).expect(404);
        patch(owner.token(), upload, SIZE, new byte[0]).notFound();
        assertThat(partialExists(id(upload))).isFalse();
    }

    @Test
    void aCompletedUploadIsDeduplicatedWithAPlainUploadOfTheSameContent() {
        TestUser owner = user("tus-dd");
        TestUser other = user("tus-dd2");
        byte[] content = random(100_000, 2);
        api().post("/api/v1/files?name=plain.bin")
                .token(other.token())
                .bytes(content, "application/octet-stream")
                .send()
                .expect(201);
        String upload = created(owner.token(), content.length, "resumed.bin");
        String file = patch(owner.token(), upload, 0, content)
                .expect(204)
                .header("Content-Location")
                .orElseThrow();
        assertThat(sqlLong("SELECT reference_count FROM content_blobs WHERE sha256 = '" + hex(content) + "'"))
                .isEqualTo(2);
        // the dedup hit reveals nothing of the other owner's file
        Map<String, Object> mine =
                api().get(file).token(owner.token()).send().expect(200).json();
        assertThat(mine).containsEntry("ownerId", owner.id()).containsEntry("name", "resumed.bin");
    }

    @Test
    void anEmptyUploadCompletesWithItsFirstAppend() {
        TestUser owner = user("tus-0");
        String upload = created(owner.token(), 0, "empty.txt");
        String file = patch(owner.token(), upload, 0, new byte[0])
                .expect(204)
                .header("Content-Location")
                .orElseThrow();
        assertThat(api().get(file).token(owner.token()).send().expect(200).json())
                .containsEntry("sizeBytes", 0);
    }

    @Test
    void onlyTheCreatorReachesAnUpload() {
        TestUser owner = user("tus-own");
        TestUser stranger = user("tus-str");
        String upload = created(owner.token(), 10, "mine.txt");
        head(stranger.token(), upload).expect(404);
        patch(stranger.token(), upload, 0, new byte[10]).notFound();
        patch(adminToken(), upload, 0, new byte[10]).notFound();
        head(adminToken(), upload).expect(404);
        head(null, upload).expect(401);
        head(owner.token(), UPLOADS + "/not-a-uuid").expect(404);
        head(owner.token(), UPLOADS + "/" + java.util.UUID.randomUUID()).expect(404);
        assertThat(offset(owner.token(), upload)).isZero();
    }

    @Test
    void anAbandonedUploadExpiresAndTheSweeperRemovesItsBytes() {
        TestUser owner = user("tus-exp");
        String upload = created(owner.token(), 1000, "later.bin");
        patch(owner.token(), upload, 0, random(400, 3)).expect(204);
        assertThat(partialExists(id(upload))).isTrue();

        sql("UPDATE content_uploads SET expires_at = now() - interval '1 second' WHERE id = '" + id(upload) + "'");
        head(owner.token(), upload).expect(404);
        patch(owner.token(), upload, 400, random(600, 4)).notFound();

        bean(SweepBlobsUseCase.class).sweep();
        assertThat(sqlLong("SELECT count(*) FROM content_uploads WHERE id = '" + id(upload) + "'"))
                .isZero();
        assertThat(partialExists(id(upload))).isFalse();
    }

    @Test
    void theContentInvariantsHoldAndCatchABrokenCount() {
        TestUser owner = user("tus-inv");
        byte[] content = random(1_500_000, 6);
        String upload = created(owner.token(), content.length, "checked.bin");
        patch(owner.token(), upload, 0, content).expect(204);

        io.strata.application.shared.InvariantQueries invariants =
                bean(io.strata.application.shared.InvariantQueries.class);
        List<String> contentChecks = invariants.names().stream()
                .filter(name -> name.startsWith("content:"))
                .toList();
        assertThat(contentChecks).contains("content: blob reference counts match the files using them");
        contentChecks.forEach(
                name -> assertThat(invariants.violations(name, 10)).as(name).isEmpty());

        sql("UPDATE content_blobs SET reference_count = reference_count + 1 WHERE sha256 = '" + hex(content) + "'");
        try {
            assertThat(invariants.violations("content: blob reference counts match the files using them", 10))
                    .containsExactly("blob " + hex(content) + ": referenceCount 2 but 1 files");
        } finally {
            sql("UPDATE content_blobs SET reference_count = 1 WHERE sha256 = '" + hex(content) + "'");
        }
    }

    /**
     * The client stops mid-PATCH (the connection closes with part of the announced body sent): the bytes that
     * arrived are kept, HEAD reports how many, and a PATCH from there completes the exact file.
     */
    @Test
    void anInterruptedUploadResumesFromTheReportedOffset() throws Exception {
        TestUser owner = user("tus-int");
        byte[] content = random(SIZE, 5);
        String upload = created(owner.token(), SIZE, "resumed.bin");
        int sent = 2 * 1024 * 1024 + 999;

        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + upload + " HTTP/1.1\r\n"
                            + "Host: " + server.getHost() + "\r\n"
                            + "Authorization: Bearer " + owner.token() + "\r\n"
                            + "Tus-Resumable: 1.0.0\r\n"
                            + "Upload-Offset: 0\r\n"
                            + "Content-Type: application/offset+octet-stream\r\n"
                            + "Content-Length: " + SIZE + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(content, 0, sent);
            out.flush();
            // wait until the server has stored a good part of it, then go away mid-body
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (offset(owner.token(), upload) < 1024 * 1024) {
                assertThat(Instant.now()).as("bytes arrive").isBefore(deadline);
                Thread.sleep(20);
            }
        }

        // resume as a tus client does: HEAD, then PATCH from there (409 while the broken request still finishes)
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Response done;
        long resumedAt;
        while (true) {
            resumedAt = offset(owner.token(), upload);
            assertThat(resumedAt).isPositive().isLessThanOrEqualTo(sent);
            done = patch(owner.token(), upload, resumedAt, Arrays.copyOfRange(content, (int) resumedAt, SIZE));
            if (done.status() != 409) {
                break;
            }
            assertThat(Instant.now()).as("the broken append ends").isBefore(deadline);
            Thread.sleep(20);
        }
        done.expect(204);
        assertThat(done.header("Upload-Offset")).hasValue(String.valueOf(SIZE));
        String file = done.header("Content-Location").orElseThrow();
        assertThat(api().get(file).token(owner.token()).send().expect(200).json())
                .containsEntry("sha256", hex(content))
                .containsEntry("sizeBytes", SIZE);
        assertThat(hex(download(owner.token(), file))).isEqualTo(hex(content));
    }
}
