package io.strata.bootstrap.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.application.content.SweepBlobsUseCase;
import io.strata.bootstrap.testing.Api.Response;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.bootstrap.testing.SqlStatements;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Files over HTTP against PostgreSQL and the real file-system blob store. */
class FileApiTest extends IntegrationTest {
    static final String FILES = "/api/v1/files";
    static final int MAX_FILE_BYTES = 256 * 1024;
    private static final Path BLOBS = tempDirectory();

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of(
                "strata.content.blob-directory",
                BLOBS.toString(),
                "strata.content.max-file-size",
                String.valueOf(MAX_FILE_BYTES),
                "strata.content.blob-grace",
                "0s",
                "strata.content.sweep-interval",
                "1h");
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("strata-blobs-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestUser user(String prefix) {
        return api().newUser(adminToken(), prefix, null);
    }

    Response upload(String token, String name, String content, String... headers) {
        var call = api().post(FILES + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .token(token)
                .bytes(content.getBytes(StandardCharsets.UTF_8), "text/plain");
        for (int i = 0; i < headers.length; i += 2) {
            call.header(headers[i], headers[i + 1]);
        }
        return call.send();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(String content) {
        return HexFormat.of().formatHex(sha256(content.getBytes(StandardCharsets.UTF_8)));
    }

    long blobFiles() {
        try (Stream<Path> files = Files.walk(BLOBS)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean blobStored(String hex) {
        return Files.exists(
                BLOBS.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex));
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

    @Test
    void uploadsAndDownloadsWithDigestEtagAndSafeDisposition() {
        TestUser owner = user("f-own");
        String content = "hello, files " + System.nanoTime();
        Map<String, Object> file = upload(owner.token(), "report \"q1\";\r.txt".replace("\r", ""), content)
                .expect(201)
                .json();
        assertThat(file).containsEntry("sha256", hex(content)).containsEntry("visibility", "PRIVATE");
        assertThat(((Number) file.get("sizeBytes")).longValue()).isEqualTo(content.length());
        assertThat(file.get("mimeType")).isEqualTo("text/plain");

        Response download = api().get(FILES + "/" + file.get("id") + "/content")
                .token(owner.token())
                .send()
                .expect(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.header("ETag")).contains("\"" + hex(content) + "\"");
        assertThat(download.header("Repr-Digest"))
                .contains("sha-256=:"
                        + Base64.getEncoder().encodeToString(sha256(content.getBytes(StandardCharsets.UTF_8))) + ":");
        assertThat(download.header("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"report _q1_;.txt\"; filename*=UTF-8''report%20%22q1%22%3B.txt");
        assertThat(download.header("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(api().get(FILES + "/" + file.get("id"))
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("downloadCount", 1);
    }

    @Test
    void hostileNamesCannotInjectHeadersOrPaths() {
        TestUser owner = user("f-host");
        upload(owner.token(), "evil\r\nSet-Cookie: x=1", "x").problem(400);
        upload(owner.token(), "nul\u0000.txt", "x").problem(400);
        Map<String, Object> file =
                upload(owner.token(), "../../etc/pässwd", "x").expect(201).json();
        String disposition = api().get(FILES + "/" + file.get("id") + "/content")
                .token(owner.token())
                .send()
                .expect(200)
                .header("Content-Disposition")
                .orElseThrow();
        assertThat(disposition).isEqualTo("attachment; filename=\"p_sswd\"; filename*=UTF-8''p%C3%A4sswd");
    }

    @Test
    void aDigestMismatchIs400AndStoresNothing() {
        TestUser owner = user("f-dig");
        String content = "digest me " + System.nanoTime();
        long blobs = blobFiles();
        String wrong = "sha-256=:" + Base64.getEncoder().encodeToString(sha256("other".getBytes())) + ":";
        assertThat(upload(owner.token(), "a.txt", content, "Content-Digest", wrong)
                        .errorFields(400))
                .containsExactly("Content-Digest");
        assertThat(upload(owner.token(), "a.txt", content, "Repr-Digest", wrong).errorFields(400))
                .containsExactly("Content-Digest");
        assertThat(upload(owner.token(), "a.txt", content, "Content-Digest", "sha-256=nonsense")
                        .errorFields(400))
                .containsExactly("Content-Digest");
        assertThat(blobFiles()).isEqualTo(blobs);
        assertThat(sqlLong("SELECT count(*) FROM content_blobs WHERE sha256 = '" + hex(content) + "'"))
                .isZero();

        String right = "sha-512=:AAAA:, sha-256=:"
                + Base64.getEncoder().encodeToString(sha256(content.getBytes(StandardCharsets.UTF_8))) + ":";
        upload(owner.token(), "a.txt", content, "Content-Digest", right).expect(201);
    }

    @Test
    void tooLargeIs413AndStoresNothingWithOrWithoutContentLength() throws Exception {
        TestUser owner = user("f-big");
        long blobs = blobFiles();
        byte[] big = new byte[MAX_FILE_BYTES + 1];
        api().post(FILES + "?name=big.bin")
                .token(owner.token())
                .bytes(big, "application/octet-stream")
                .send()
                .problem(413);
        // chunked: the limit is found while streaming
        HttpResponse<String> chunked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.getURI().resolve(FILES + "?name=big.bin"))
                                .header("Authorization", "Bearer " + owner.token())
                                .header("Content-Type", "application/octet-stream")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(blobFiles()).isEqualTo(blobs);
        assertThat(sqlLong("SELECT count(*) FROM content_files WHERE name = 'big.bin'"))
                .isZero();
        // exactly at the limit is fine
        api().post(FILES + "?name=limit.bin")
                .token(owner.token())
                .bytes(new byte[MAX_FILE_BYTES], "application/octet-stream")
                .send()
                .expect(201);
    }

    @Test
    void identicalContentIsStoredOnceAndADedupHitRevealsNothing() {
        TestUser alice = user("f-ali");
        TestUser bob = user("f-bob");
        String content = "shared bytes " + System.nanoTime();
        Map<String, Object> a =
                upload(alice.token(), "alice.txt", content).expect(201).json();
        long blobs = blobFiles();
        Map<String, Object> b =
                upload(bob.token(), "bob.txt", content).expect(201).json();
        assertThat(blobFiles()).isEqualTo(blobs);
        assertThat(sqlLong("SELECT reference_count FROM content_blobs WHERE sha256 = '" + hex(content) + "'"))
                .isEqualTo(2);
        assertThat(b.get("id")).isNotEqualTo(a.get("id"));
        assertThat(b).containsEntry("ownerId", bob.id()).containsEntry("name", "bob.txt");
        // bob learns nothing about alice's file: it stays private to her
        api().get(FILES + "/" + a.get("id")).token(bob.token()).send().notFound();
        api().get(FILES + "/" + a.get("id") + "/content")
                .token(bob.token())
                .send()
                .notFound();
        assertThat(api().get(FILES).token(bob.token()).send().expect(200).items())
                .extracting(item -> item.get("id"))
                .containsExactly(b.get("id"));
    }

    @Test
    void privateFilesAreOwnerAndAdminOnlyPublicOnesForEveryAuthenticatedUserNoAnonymousReads() {
        TestUser owner = user("f-vis");
        TestUser other = user("f-oth");
        String id = (String)
                upload(owner.token(), "v.txt", "visible?").expect(201).json().get("id");
        api().get(FILES + "/" + id).token(other.token()).send().notFound();
        api().get(FILES + "/" + id + "/content").token(adminToken()).send().expect(200);
        api().post(FILES + "/" + id + "/visibility")
                .token(other.token())
                .json(Map.of("visibility", "PUBLIC"))
                .send()
                .notFound();
        assertThat(api().post(FILES + "/" + id + "/visibility")
                        .token(owner.token())
                        .json(Map.of("visibility", "PUBLIC"))
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("visibility", "PUBLIC");
        assertThat(api().get(FILES + "/" + id + "/content")
                        .token(other.token())
                        .send()
                        .expect(200)
                        .body())
                .isEqualTo("visible?");
        api().get(FILES + "/" + id + "/content").send().problem(401);
        api().get(FILES + "/" + id).send().problem(401);
        api().post(FILES + "/" + id + "/visibility")
                .token(owner.token())
                .json(Map.of("visibility", "SECRET"))
                .send()
                .problem(400);
        api().post(FILES + "/" + id + "/purge").token(other.token()).send().notFound();
    }

    @Test
    void rangesConditionalRequestsAndDownloadCounts() {
        TestUser owner = user("f-rng");
        String content = "0123456789";
        Map<String, Object> file =
                upload(owner.token(), "digits.txt", content).expect(201).json();
        String path = FILES + "/" + file.get("id") + "/content";
        Response part = api().get(path)
                .token(owner.token())
                .header("Range", "bytes=2-5")
                .send()
                .expect(206);
        assertThat(part.body()).isEqualTo("2345");
        assertThat(part.header("Content-Range")).contains("bytes 2-5/10");
        assertThat(api().get(path)
                        .token(owner.token())
                        .header("Range", "bytes=-3")
                        .send()
                        .expect(206)
                        .body())
                .isEqualTo("789");
        assertThat(api().get(path)
                        .token(owner.token())
                        .header("Range", "bytes=7-")
                        .send()
                        .expect(206)
                        .body())
                .isEqualTo("789");
        Response unsatisfiable = api().get(path)
                .token(owner.token())
                .header("Range", "bytes=10-")
                .send();
        assertThat(unsatisfiable.status()).isEqualTo(416);
        assertThat(unsatisfiable.header("Content-Range")).contains("bytes */10");
        assertThat(api().get(path)
                        .token(owner.token())
                        .header("Range", "bytes=oops")
                        .send()
                        .expect(200)
                        .body())
                .isEqualTo(content);
        assertThat(api().get(path)
                        .token(owner.token())
                        .header("Range", "bytes=+2-+5") // no sign in a byte range: invalid, so ignored
                        .send()
                        .expect(200)
                        .body())
                .isEqualTo(content);
        String etag = "\"" + file.get("sha256") + "\"";
        assertThat(api().get(path)
                        .token(owner.token())
                        .header("If-None-Match", etag)
                        .send()
                        .status())
                .isEqualTo(304);
        assertThat(api().get(path)
                        .token(owner.token())
                        .header("If-None-Match", "\"other\"")
                        .send()
                        .status())
                .isEqualTo(200);
        // counted: the full downloads (3, with the signed range's) and the ranges from byte 0 (none here)
        assertThat(api().get(FILES + "/" + file.get("id"))
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("downloadCount", 3);
    }

    @Test
    void softDeleteRestoreAndPurgeThenTheSweeperRemovesUnreferencedBytes() {
        TestUser owner = user("f-del");
        String content = "short-lived " + System.nanoTime();
        String id = (String)
                upload(owner.token(), "gone.txt", content).expect(201).json().get("id");
        api().delete(FILES + "/" + id).token(owner.token()).send().expect(204);
        assertThat(api().get(FILES).token(owner.token()).send().expect(200).items())
                .isEmpty();
        assertThat(api().get(FILES + "?includeDeleted=true")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .hasSize(1);
        api().delete(FILES + "/" + id).token(owner.token()).send().problem(409);
        api().post(FILES + "/" + id + "/restore").token(owner.token()).send().expect(200);
        api().post(FILES + "/" + id + "/restore").token(owner.token()).send().problem(409);
        bean(SweepBlobsUseCase.class).sweep();
        assertThat(blobStored(hex(content))).isTrue();

        api().post(FILES + "/" + id + "/purge").token(owner.token()).send().expect(204);
        api().get(FILES + "/" + id).token(owner.token()).send().notFound();
        assertThat(sqlLong("SELECT reference_count FROM content_blobs WHERE sha256 = '" + hex(content) + "'"))
                .isZero();
        bean(SweepBlobsUseCase.class).sweep();
        assertThat(blobStored(hex(content))).isFalse();
        assertThat(sqlLong("SELECT count(*) FROM content_blobs WHERE sha256 = '" + hex(content) + "'"))
                .isZero();
    }

    /**
     * The race: one user purges the last file of some content while another uploads the same content and the
     * sweeper runs (grace 0). Whatever the interleaving, the surviving file's bytes are there.
     */
    @Test
    void aPurgeRacingANewUploadOfTheSameContentNeverLosesTheSurvivorsBytes() throws Exception {
        TestUser first = user("f-rc1");
        TestUser second = user("f-rc2");
        SweepBlobsUseCase sweeper = bean(SweepBlobsUseCase.class);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 8; round++) {
                String content = "race " + round + " " + System.nanoTime();
                String doomed = (String) upload(first.token(), "doomed.txt", content)
                        .expect(201)
                        .json()
                        .get("id");
                CyclicBarrier start = new CyclicBarrier(3);
                Future<Response> purge = pool.submit(() -> {
                    start.await();
                    return api().post(FILES + "/" + doomed + "/purge")
                            .token(first.token())
                            .send();
                });
                Future<Response> upload = pool.submit(() -> {
                    start.await();
                    return upload(second.token(), "survivor.txt", content);
                });
                Future<Integer> sweep = pool.submit(() -> {
                    start.await();
                    int swept = 0;
                    for (int i = 0; i < 5; i++) {
                        swept += sweeper.sweep();
                    }
                    return swept;
                });
                purge.get().expect(204);
                String survivor = (String) upload.get().expect(201).json().get("id");
                sweep.get();
                sweeper.sweep();
                assertThat(api().get(FILES + "/" + survivor + "/content")
                                .token(second.token())
                                .send()
                                .expect(200)
                                .body())
                        .isEqualTo(content);
                assertThat(sqlLong("SELECT reference_count FROM content_blobs WHERE sha256 = '" + hex(content) + "'"))
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void myFilesPageCostsAConstantNumberOfStatements() {
        TestUser owner = user("f-lst");
        for (int i = 0; i < 3; i++) {
            upload(owner.token(), "l" + i + ".txt", "list " + i).expect(201);
        }
        api().get(FILES + "?limit=1").token(owner.token()).send().expect(200);
        SqlStatements sql = sql();
        long one = sql.countDuring(
                () -> api().get(FILES + "?limit=1").token(owner.token()).send().expect(200));
        long hundred = sql.countDuring(() ->
                api().get(FILES + "?limit=100").token(owner.token()).send().expect(200));
        assertThat(hundred).isEqualTo(one);
        assertThat(api().get(FILES + "?q=l1")
                        .token(owner.token())
                        .send()
                        .expect(200)
                        .items())
                .hasSize(1);
        List<Object> names = new ArrayList<>();
        api().get(FILES + "?sort=name")
                .token(owner.token())
                .send()
                .expect(200)
                .items()
                .forEach(item -> names.add(item.get("name")));
        assertThat(names).containsExactly("l0.txt", "l1.txt", "l2.txt");
    }
}
