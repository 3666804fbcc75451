package io.strata.bootstrap.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * E-mail through HTTP and PostgreSQL: drafts, sending, threads, folders and counts, keywords, moves, attachments,
 * and the bcc rule checked over every response a recipient can get and every outbox payload.
 */
class MailApiTest extends IntegrationTest {
    private static final String MAIL = "/api/v1/mail";

    private TestUser sender;
    private TestUser alice;
    private TestUser bob;
    private TestUser carol;
    private TestUser stranger;

    @BeforeAll
    void users() {
        sender = api().newUser(adminToken(), "mailsender", null);
        alice = api().newUser(adminToken(), "mailalice", null);
        bob = api().newUser(adminToken(), "mailbob", null);
        carol = api().newUser(adminToken(), "mailcarol", null);
        stranger = api().newUser(adminToken(), "mailstranger", null);
    }

    // ------------------------------------------------------------------ drafts and sending

    @Test
    void draftsAreTheSendersOnlyAndASentEmailIsImmutable() {
        long drafts = ((Number) folderCount(sender, "DRAFTS").get("total")).longValue();
        Api.Response created = draft(sender, Map.of("to", List.of(alice.email()), "subject", "Plan", "body", "v1"))
                .expect(201);
        String id = id(created);
        assertThat(created.header("Location")).hasValue(MAIL + "/emails/" + id);
        assertThat(created.json()).containsEntry("status", "DRAFT").containsEntry("from", sender.email());
        Map<String, Object> own = get(sender, "/emails/" + id).expect(200).json();
        assertThat(mailbox(own)).containsEntry("folder", "DRAFTS");
        assertThat(((Number) folderCount(sender, "DRAFTS").get("total")).longValue())
                .isEqualTo(drafts + 1);

        // nobody else sees or edits a draft, not even its recipients before it is sent
        get(alice, "/emails/" + id).notFound();
        get(adminToken(), "/emails/" + id).notFound();
        put(alice, id, created.etag(), Map.of("subject", "hijack")).notFound();
        api().put(MAIL + "/drafts/" + UUID.randomUUID())
                .token(sender.token())
                .ifMatch("\"0\"")
                .json(Map.of())
                .send()
                .notFound();

        // If-Match is required (428), must be current (412), and the update moves the version
        api().put(MAIL + "/drafts/" + id)
                .token(sender.token())
                .json(Map.of("subject", "x"))
                .send()
                .problem(428);
        put(sender, id, "\"7\"", Map.of("subject", "x")).problem(412);
        Api.Response updated = put(
                        sender,
                        id,
                        created.etag(),
                        Map.of("to", List.of(alice.email()), "subject", "Plan v2", "body", "v2"))
                .expect(200);
        assertThat(updated.json()).containsEntry("subject", "Plan v2").containsEntry("body", "v2");
        assertThat(updated.etag()).isNotEqualTo(created.etag());
        assertThat(put(
                                sender,
                                id,
                                updated.etag(),
                                Map.of("inReplyTo", UUID.randomUUID().toString()))
                        .errorFields(400))
                .contains("inReplyTo");

        // sending with a stale version is refused; then it is sent once and never changes again
        api().post(MAIL + "/drafts/" + id + "/send")
                .token(sender.token())
                .ifMatch(created.etag())
                .send()
                .problem(412);
        Api.Response sent = send(sender, id, updated.etag()).expect(200);
        assertThat(sent.json()).containsEntry("status", "SENT");
        assertThat(sent.json().get("sentAt")).isNotNull();
        put(sender, id, sent.etag(), Map.of("subject", "changed")).problem(409);
        send(sender, id, null).problem(409);
        send(alice, id, null).notFound();
        assertThat(get(sender, "/emails/" + id).expect(200).json()).containsEntry("subject", "Plan v2");

        // a draft without any recipient cannot be sent
        String empty = id(draft(sender, Map.of("subject", "nobody")).expect(201));
        assertThat(send(sender, empty, null).errorFields(400)).contains("to");
    }

    @Test
    void sendingFilesACopyForEveryInternalRecipientInOneTransaction() {
        Map<String, Long> before = inboxTotals();
        String id = sendNew(
                sender,
                Map.of(
                        "to", List.of(alice.email().toUpperCase(), "outside@elsewhere.example"),
                        "cc", List.of(bob.email()),
                        "bcc", List.of(carol.email()),
                        "subject", "Delivery"));
        for (TestUser user : List.of(alice, bob, carol)) {
            Map<String, Object> copy = get(user, "/emails/" + id).expect(200).json();
            assertThat(mailbox(copy)).containsEntry("folder", "INBOX").containsEntry("seen", false);
            assertThat(inboxTotals().get(user.id())).isEqualTo(before.get(user.id()) + 1);
        }
        assertThat(mailbox(get(sender, "/emails/" + id).expect(200).json()))
                .containsEntry("folder", "SENT")
                .containsEntry("seen", true);
        get(stranger, "/emails/" + id).notFound();
        assertThat(inboxTotals().get(stranger.id())).isEqualTo(before.get(stranger.id()));

        // an attachment the sender can no longer read refuses the send: nothing is delivered, the draft stays
        String file = upload(sender, "plan.txt");
        Api.Response draft = draft(
                        sender,
                        Map.of("to", List.of(alice.email()), "subject", "With file", "attachments", List.of(file)))
                .expect(201);
        api().post("/api/v1/files/" + file + "/purge")
                .token(sender.token())
                .send()
                .expect(204);
        Map<String, Long> beforeSend = inboxTotals();
        assertThat(send(sender, id(draft), null).problem(400).toString()).contains(file);
        assertThat(inboxTotals()).isEqualTo(beforeSend);
        assertThat(get(sender, "/emails/" + id(draft)).expect(200).json()).containsEntry("status", "DRAFT");
    }

    @Test
    void attachmentsAreFilesTheSenderMayReadAndTheOthersAreNamed() {
        String mine = upload(sender, "mine.txt");
        String theirs = upload(stranger, "theirs.txt");
        String unknown = UUID.randomUUID().toString();
        Map<String, Object> ok = draft(sender, Map.of("to", List.of(alice.email()), "attachments", List.of(mine)))
                .expect(201)
                .json();
        assertThat(ok.get("attachments")).isEqualTo(List.of(mine));
        String problem = draft(sender, Map.of("attachments", List.of(mine, theirs, unknown)))
                .problem(400)
                .toString();
        assertThat(problem)
                .contains("attachments")
                .contains(theirs)
                .contains(unknown)
                .doesNotContain(mine + ",");
        assertThat(draft(sender, Map.of("attachments", List.of("nope"))).errorFields(400))
                .anyMatch(f -> f.startsWith("attachments"));
        // the recipient sees the attachment ids of what they received
        String id = id(draft(sender, Map.of("to", List.of(alice.email()), "attachments", List.of(mine)))
                .expect(201));
        send(sender, id, null).expect(200);
        assertThat(get(alice, "/emails/" + id).expect(200).json().get("attachments"))
                .isEqualTo(List.of(mine));
    }

    // ------------------------------------------------------------------ threads

    @Test
    void repliesKeepTheThreadAndEachEmailSaysWhyItJoinedIt() {
        String first = sendNew(
                sender,
                Map.of(
                        "to",
                        List.of(alice.email()),
                        "cc",
                        List.of(bob.email()),
                        "bcc",
                        List.of(carol.email()),
                        "subject",
                        "Lunch?"));
        Map<String, Object> reply = api().post(MAIL + "/emails/" + first + "/reply")
                .token(alice.token())
                .json(Map.of("body", "Yes", "all", true))
                .send()
                .expect(201)
                .json();
        assertThat(reply)
                .containsEntry("subject", "Re: Lunch?")
                .containsEntry("threadId", first)
                .containsEntry("inReplyTo", first)
                .containsEntry("references", List.of(first))
                .containsEntry("threadReason", "IN_REPLY_TO")
                .containsEntry("to", List.of(sender.email()))
                .containsEntry("cc", List.of(bob.email()))
                .containsEntry("bcc", List.of());
        String second = (String) reply.get("id");
        send(alice, second, null).expect(200);

        // by references only: the newest one the sender has gives the thread
        String third = id(draft(
                        sender,
                        Map.of(
                                "to",
                                List.of(alice.email()),
                                "references",
                                List.of(UUID.randomUUID().toString(), second)))
                .expect(201));
        assertThat(get(sender, "/emails/" + third).expect(200).json())
                .containsEntry("threadId", first)
                .containsEntry("threadReason", "REFERENCES")
                .containsEntry("inReplyTo", null);
        send(sender, third, null).expect(200);
        // references to nothing known: a new thread, references kept
        String lonely = UUID.randomUUID().toString();
        Map<String, Object> fresh =
                draft(sender, Map.of("references", List.of(lonely))).expect(201).json();
        assertThat(fresh).containsEntry("threadReason", "NEW").containsEntry("threadId", fresh.get("id"));

        // the thread in order, for each participant their own copies
        assertThat(get(sender, "/threads/" + first).expect(200).items())
                .extracting(e -> e.get("id"))
                .containsExactly(first, second, third);
        assertThat(get(alice, "/threads/" + first).expect(200).items())
                .extracting(e -> e.get("id"))
                .containsExactly(first, second, third);
        assertThat(get(bob, "/threads/" + first).expect(200).items())
                .extracting(e -> e.get("id"))
                .containsExactly(first, second);
        assertThat(get(carol, "/threads/" + first).expect(200).items())
                .extracting(e -> e.get("id"))
                .containsExactly(first);
        get(stranger, "/threads/" + first).notFound();

        // what cannot be replied to
        api().post(MAIL + "/emails/" + first + "/reply")
                .token(stranger.token())
                .json(Map.of())
                .send()
                .notFound();
        api().post(MAIL + "/emails/" + fresh.get("id") + "/reply")
                .token(sender.token())
                .json(Map.of())
                .send()
                .problem(409);
        assertThat(draft(stranger, Map.of("inReplyTo", first)).errorFields(400)).contains("inReplyTo");
        assertThat(draft(sender, Map.of("inReplyTo", fresh.get("id"))).errorFields(400))
                .contains("inReplyTo");
    }

    // ------------------------------------------------------------------ bcc

    /**
     * The sender sends with a bcc to an internal user and to an external address; then every recipient (the bcc
     * recipient too) uses every mail endpoint, and no response body any of them gets, nor any outbox payload of
     * the e-mails involved, contains a bcc address.
     */
    @Test
    void noRecipientEverSeesABccAddress() throws SQLException {
        TestUser to = api().newUser(adminToken(), "bccto", null);
        TestUser cc = api().newUser(adminToken(), "bcccc", null);
        TestUser hidden = api().newUser(adminToken(), "bcchidden", null);
        String external = "secret-" + UUID.randomUUID() + "@bcc.example";
        List<String> bccAddresses = List.of(hidden.email(), external);
        String subject = "Quarterly " + UUID.randomUUID();
        Map<String, Object> body = Map.of(
                "to",
                List.of(to.email()),
                "cc",
                List.of(cc.email()),
                "bcc",
                bccAddresses,
                "subject",
                subject,
                "body",
                "numbers");
        String id = sendNew(sender, body);
        assertThat(get(sender, "/emails/" + id).expect(200).json().get("bcc")).isEqualTo(bccAddresses);

        // the bcc recipient acts first (a reply-all of theirs must not reveal them to the others), then to and cc
        Map<TestUser, List<String>> seen = new java.util.LinkedHashMap<>();
        for (TestUser user : List.of(hidden, to, cc)) {
            List<String> bodies = new ArrayList<>();
            seen.put(user, bodies);
            Function<Api.Response, Api.Response> keep = r -> {
                bodies.add(r.request() + " -> " + r.body());
                return r;
            };
            keep.apply(get(user, "/folders").expect(200));
            keep.apply(get(user, "/folders/INBOX/emails").expect(200));
            for (String q : List.of(subject, "bcc.example", hidden.email(), external, "secret")) {
                keep.apply(get(user, "/folders/INBOX/emails?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                        .expect(200));
            }
            assertThat(get(user, "/folders/INBOX/emails?q=" + URLEncoder.encode(external, StandardCharsets.UTF_8))
                            .expect(200)
                            .items())
                    .isEmpty();
            keep.apply(get(user, "/emails/" + id).expect(200));
            keep.apply(get(user, "/threads/" + id).expect(200));
            keep.apply(api().post(MAIL + "/emails/" + id + "/keywords")
                    .token(user.token())
                    .json(Map.of("seen", true, "flagged", true))
                    .send()
                    .expect(200));
            keep.apply(get(user, "/folders/INBOX/emails?flagged=true").expect(200));
            Api.Response reply = api().post(MAIL + "/emails/" + id + "/reply")
                    .token(user.token())
                    .json(Map.of("body", "ok", "all", true))
                    .send()
                    .expect(201);
            keep.apply(reply);
            keep.apply(get(user, "/emails/" + id(reply)).expect(200));
            keep.apply(send(user, id(reply), null).expect(200));
            keep.apply(get(user, "/threads/" + id).expect(200));
            keep.apply(get(user, "/folders/SENT/emails").expect(200));
            keep.apply(api().post(MAIL + "/emails/" + id + "/move")
                    .token(user.token())
                    .json(Map.of("folder", "ARCHIVE"))
                    .send()
                    .expect(200));
            keep.apply(get(user, "/folders/ARCHIVE/emails").expect(200));
            keep.apply(get(user, "/folders/ARCHIVE/emails?q=" + URLEncoder.encode(subject, StandardCharsets.UTF_8))
                    .expect(200));
            assertThat(get(user, "/emails/" + id).expect(200).json()).containsEntry("bcc", List.of());
            if (user == hidden) {
                // the bcc recipient's reply-all went to the sender only
                assertThat(reply.json())
                        .containsEntry("to", List.of(sender.email()))
                        .containsEntry("cc", List.of());
            }
        }
        // every recipient got it; none sees a bcc address (the bcc recipient's own address in its own replies aside)
        seen.forEach((user, bodies) -> {
            assertThat(bodies).anyMatch(s -> s.contains(subject));
            for (String address : bccAddresses) {
                if (!address.equals(user.email())) {
                    assertThat(bodies)
                            .as("no response to %s holds %s", user.username(), address)
                            .noneMatch(s -> s.contains(address));
                }
            }
        });
        // the outbox: no payload of any e-mail names a bcc address; the original's events name no bcc user
        List<String> payloads = payloads();
        assertThat(payloads).anyMatch(p -> p.contains(id));
        for (String address : bccAddresses) {
            assertThat(payloads).noneMatch(p -> p.toLowerCase().contains(address));
        }
        assertThat(payloads)
                .filteredOn(p -> p.contains(" " + id + " "))
                .isNotEmpty()
                .noneMatch(p -> p.contains(hidden.id()));
    }

    // ------------------------------------------------------------------ folders

    @Test
    void aFolderListsWithFiltersKeysetPagesAndItsCounts() {
        TestUser reader = api().newUser(adminToken(), "mailreader", null);
        Instant start = Instant.now().minusSeconds(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(sendNew(
                    sender,
                    Map.of(
                            "to",
                            List.of(reader.email()),
                            "subject",
                            "Report " + i,
                            "body",
                            i % 2 == 0 ? "even numbers" : "odd numbers")));
        }
        Instant middle = Instant.parse((String)
                mailbox(get(reader, "/emails/" + ids.get(4)).expect(200).json()).get("receivedAt"));
        mark(reader, ids.get(0), Map.of("seen", true)).expect(200);
        mark(reader, ids.get(1), Map.of("flagged", true)).expect(200);
        mark(reader, ids.get(2), Map.of("seen", true, "flagged", true)).expect(200);

        Map<String, Object> page =
                get(reader, "/folders/INBOX/emails?limit=3").expect(200).json();
        assertThat(page)
                .containsEntry("folder", "INBOX")
                .containsEntry("total", 7)
                .containsEntry("unread", 5);
        // newest first, every e-mail on exactly one page
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> p = get(
                            reader,
                            "/folders/INBOX/emails?limit=3"
                                    + (cursor == null
                                            ? ""
                                            : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)))
                    .expect(200)
                    .json();
            walked.addAll(ids(p));
            cursor = (String) p.get("next");
        } while (cursor != null);
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(walked).containsExactlyElementsOf(newestFirst);

        assertThat(ids(get(reader, "/folders/INBOX/emails?unread=true")
                        .expect(200)
                        .json()))
                .containsExactlyInAnyOrder(ids.get(1), ids.get(3), ids.get(4), ids.get(5), ids.get(6));
        assertThat(ids(get(reader, "/folders/INBOX/emails?unread=false")
                        .expect(200)
                        .json()))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        assertThat(ids(get(reader, "/folders/INBOX/emails?flagged=true")
                        .expect(200)
                        .json()))
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(ids(get(reader, "/folders/INBOX/emails?flagged=true&unread=true")
                        .expect(200)
                        .json()))
                .containsExactly(ids.get(1));
        assertThat(ids(get(reader, "/folders/INBOX/emails?q=EVEN").expect(200).json()))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(2), ids.get(4), ids.get(6));
        assertThat(ids(get(reader, "/folders/INBOX/emails?q=report%205")
                        .expect(200)
                        .json()))
                .containsExactly(ids.get(5));
        assertThat(ids(get(reader, "/folders/INBOX/emails?q=" + URLEncoder.encode("100%_", StandardCharsets.UTF_8))
                        .expect(200)
                        .json()))
                .isEmpty();
        assertThat(ids(get(reader, "/folders/INBOX/emails?receivedFrom=" + middle)
                        .expect(200)
                        .json()))
                .containsExactly(ids.get(6), ids.get(5), ids.get(4));
        assertThat(ids(get(reader, "/folders/INBOX/emails?receivedFrom=" + start + "&receivedTo=" + middle)
                        .expect(200)
                        .json()))
                .containsExactly(ids.get(3), ids.get(2), ids.get(1), ids.get(0));

        // move to trash and archive: counts follow, and other participants' copies do not move
        move(reader, ids.get(0), "TRASH").expect(200);
        move(reader, ids.get(1), "ARCHIVE").expect(200);
        assertThat(folderCount(reader, "INBOX")).containsEntry("total", 5).containsEntry("unread", 4);
        assertThat(folderCount(reader, "TRASH")).containsEntry("total", 1).containsEntry("unread", 0);
        assertThat(folderCount(reader, "ARCHIVE")).containsEntry("total", 1).containsEntry("unread", 1);
        assertThat(ids(get(reader, "/folders/TRASH/emails").expect(200).json())).containsExactly(ids.get(0));
        assertThat(mailbox(get(sender, "/emails/" + ids.get(0)).expect(200).json()))
                .containsEntry("folder", "SENT");
        move(reader, ids.get(0), "INBOX").expect(200);
        assertThat(folderCount(reader, "TRASH")).containsEntry("total", 0);

        // a page costs the same number of statements whatever its size
        get(reader, "/folders/INBOX/emails?limit=1").expect(200);
        for (String filter : List.of("", "&unread=true", "&q=numbers&flagged=false", "&receivedFrom=" + start)) {
            long one = sql().countDuring(() ->
                    get(reader, "/folders/INBOX/emails?limit=1" + filter).expect(200));
            long hundred = sql().countDuring(() ->
                    get(reader, "/folders/INBOX/emails?limit=100" + filter).expect(200));
            assertThat(hundred).as(filter).isEqualTo(one);
        }
        long threadOne = sql().countDuring(
                        () -> get(reader, "/threads/" + ids.get(0) + "?limit=1").expect(200));
        long threadAll =
                sql().countDuring(() -> get(reader, "/threads/" + ids.get(0)).expect(200));
        assertThat(threadAll).isEqualTo(threadOne);
    }

    @Test
    void markingAndMovingChangeOnlyTheCallersCopyAndRefuseWhatTheyMustNot() {
        String id = sendNew(sender, Map.of("to", List.of(alice.email(), bob.email()), "subject", "Keywords"));
        Map<String, Object> marked = mark(alice, id, Map.of("seen", true, "flagged", true))
                .expect(200)
                .json();
        assertThat(mailbox(marked)).containsEntry("seen", true).containsEntry("flagged", true);
        assertThat(mailbox(mark(alice, id, Map.of("seen", false)).expect(200).json()))
                .containsEntry("seen", false)
                .containsEntry("flagged", true);
        assertThat(mailbox(get(bob, "/emails/" + id).expect(200).json()))
                .containsEntry("seen", false)
                .containsEntry("flagged", false);

        mark(stranger, id, Map.of("seen", true)).notFound();
        move(stranger, id, "TRASH").notFound();
        assertThat(mark(alice, id, Map.of()).errorFields(400)).contains("seen");
        assertThat(move(alice, id, "SENT").errorFields(400)).contains("folder");
        assertThat(move(alice, id, "SPAM").errorFields(400)).contains("folder");
        assertThat(api().post(MAIL + "/emails/" + id + "/move")
                        .token(alice.token())
                        .json(Map.of())
                        .send()
                        .errorFields(400))
                .contains("folder");
        String draft = id(draft(sender, Map.of("subject", "unsent")).expect(201));
        move(sender, draft, "TRASH").problem(409);
    }

    /** Real threads mark the same copies read and unread at once; the counts always equal the copies' states. */
    @Test
    void unreadCountsStayExactUnderConcurrentMarking() throws Exception {
        TestUser reader = api().newUser(adminToken(), "mailconcurrent", null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(sendNew(sender, Map.of("to", List.of(reader.email()), "subject", "Load " + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> marks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Random random = new Random(t);
                marks.add(() -> {
                    int ok = 0;
                    for (int i = 0; i < 15; i++) {
                        String id = ids.get(random.nextInt(ids.size()));
                        ok += mark(reader, id, Map.of("seen", random.nextBoolean()))
                                                .status()
                                        == 200
                                ? 1
                                : 0;
                    }
                    return ok;
                });
            }
            // the same copy marked read by many threads at once counts once
            for (int t = 0; t < 8; t++) {
                marks.add(() -> mark(reader, ids.get(0), Map.of("seen", true)).status() == 200 ? 1 : 0);
            }
            int succeeded = 0;
            for (Future<Integer> done : pool.invokeAll(marks)) {
                succeeded += done.get();
            }
            assertThat(succeeded).isEqualTo(8 * 15 + 8);
        } finally {
            pool.shutdownNow();
        }
        long unread = ids.stream()
                .filter(id -> Boolean.FALSE.equals(
                        mailbox(get(reader, "/emails/" + id).expect(200).json()).get("seen")))
                .count();
        assertThat(folderCount(reader, "INBOX")).containsEntry("total", 12).containsEntry("unread", (int) unread);
        assertThat(get(reader, "/folders/INBOX/emails").expect(200).json())
                .containsEntry("total", 12)
                .containsEntry("unread", (int) unread);
        assertThat(ids(get(reader, "/folders/INBOX/emails?unread=true")
                        .expect(200)
                        .json()))
                .hasSize((int) unread);
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertThat(draft(sender, Map.of("to", List.of("not an address"))).errorFields(400))
                .contains("to[0]");
        assertThat(draft(sender, Map.of("cc", List.of(alice.email(), "x@"))).errorFields(400))
                .contains("cc[1]");
        assertThat(api().post(MAIL + "/drafts")
                        .token(sender.token())
                        .raw("{\"bcc\":[null]}", "application/json")
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(draft(sender, Map.of("subject", "s".repeat(999))).errorFields(400))
                .contains("subject");
        assertThat(draft(sender, Map.of("body", "b".repeat(100_001))).status()).isEqualTo(400);
        assertThat(draft(sender, Map.of("subject", "a\u0000b")).status()).isEqualTo(400);
        assertThat(draft(sender, Map.of("inReplyTo", "nope")).errorFields(400)).contains("inReplyTo");
        assertThat(draft(sender, Map.of("references", List.of("nope"))).errorFields(400))
                .anyMatch(f -> f.startsWith("references"));
        assertThat(draft(sender, Map.of("unknown", 1)).status()).isEqualTo(400);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("u" + i + "@example.org");
        }
        assertThat(draft(sender, Map.of("to", many)).errorFields(400)).contains("to");

        assertThat(get(sender, "/folders/SPAM/emails").errorFields(400)).contains("folder");
        assertThat(get(sender, "/folders/INBOX/emails?cursor=garbage").errorFields(400))
                .contains("cursor");
        assertThat(get(sender, "/folders/INBOX/emails?limit=0").errorFields(400))
                .contains("limit");
        assertThat(get(sender, "/folders/INBOX/emails?limit=101").errorFields(400))
                .contains("limit");
        assertThat(get(sender, "/folders/INBOX/emails?limit=%D9%A1%D9%A0").errorFields(400)) // "١٠"
                .contains("limit");
        assertThat(get(sender, "/folders/INBOX/emails?unread=maybe").errorFields(400))
                .contains("unread");
        assertThat(get(sender, "/folders/INBOX/emails?flagged=1").errorFields(400))
                .contains("flagged");
        assertThat(get(sender, "/folders/INBOX/emails?receivedFrom=yesterday").errorFields(400))
                .contains("receivedFrom");
        assertThat(get(
                                sender,
                                "/folders/INBOX/emails?receivedFrom=2026-02-01T00:00:00Z&receivedTo=2026-01-01T00:00:00Z")
                        .errorFields(400))
                .contains("receivedTo");
        assertThat(get(sender, "/folders/INBOX/emails?q=" + "q".repeat(201)).errorFields(400))
                .contains("q");
        assertThat(get(sender, "/folders/INBOX/emails?q=%00").status()).isEqualTo(400);
        assertThat(get(sender, "/threads/" + UUID.randomUUID() + "?limit=x").errorFields(400))
                .contains("limit");
        get(sender, "/emails/" + UUID.randomUUID()).notFound();
        get(sender, "/threads/" + UUID.randomUUID()).notFound();
        assertThat(get(sender, "/emails/not-a-uuid").status()).isEqualTo(400);
        assertThat(api().get(MAIL + "/folders").send().status()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ helpers

    private Api.Response draft(TestUser user, Map<String, ?> body) {
        return api().post(MAIL + "/drafts").token(user.token()).json(body).send();
    }

    private Api.Response put(TestUser user, String id, String etag, Map<String, ?> body) {
        return api().put(MAIL + "/drafts/" + id)
                .token(user.token())
                .ifMatch(etag)
                .json(body)
                .send();
    }

    private Api.Response send(TestUser user, String id, String etag) {
        Api.Call call = api().post(MAIL + "/drafts/" + id + "/send").token(user.token());
        if (etag != null) {
            call.ifMatch(etag);
        }
        return call.send();
    }

    private String sendNew(TestUser user, Map<String, ?> body) {
        String id = id(draft(user, body).expect(201));
        send(user, id, null).expect(200);
        return id;
    }

    private Api.Response get(TestUser user, String path) {
        return get(user.token(), path);
    }

    private Api.Response get(String token, String path) {
        return api().get(MAIL + path).token(token).send();
    }

    private Api.Response mark(TestUser user, String id, Map<String, ?> keywords) {
        return api().post(MAIL + "/emails/" + id + "/keywords")
                .token(user.token())
                .json(keywords)
                .send();
    }

    private Api.Response move(TestUser user, String id, String folder) {
        return api().post(MAIL + "/emails/" + id + "/move")
                .token(user.token())
                .json(Map.of("folder", folder))
                .send();
    }

    private Map<String, Object> folderCount(TestUser user, String folder) {
        return get(user, "/folders").expect(200).items().stream()
                .filter(f -> folder.equals(f.get("folder")))
                .findFirst()
                .orElseThrow();
    }

    private Map<String, Long> inboxTotals() {
        Map<String, Long> totals = new HashMap<>();
        for (TestUser user : List.of(sender, alice, bob, carol, stranger)) {
            totals.put(user.id(), ((Number) folderCount(user, "INBOX").get("total")).longValue());
        }
        return totals;
    }

    private String upload(TestUser owner, String name) {
        return String.valueOf(api().post("/api/v1/files?name=" + name)
                .token(owner.token())
                .bytes(("content of " + name + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8), "text/plain")
                .send()
                .expect(201)
                .json()
                .get("id"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mailbox(Map<String, Object> email) {
        return (Map<String, Object>) email.get("mailbox");
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items"))
                .stream().map(e -> (String) e.get("id")).toList();
    }

    private static String id(Api.Response response) {
        return (String) response.json().get("id");
    }

    private List<String> payloads() throws SQLException {
        List<String> payloads = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT event_type || ' ' || aggregate_id || ' ' || payload::text FROM events"
                                + " WHERE aggregate_type = 'messaging.Email'");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                payloads.add(rows.getString(1));
            }
        }
        return payloads;
    }
}
