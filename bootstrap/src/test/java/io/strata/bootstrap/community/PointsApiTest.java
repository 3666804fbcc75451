package io.strata.bootstrap.community;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.testing.Api;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The points ledger over HTTP: the transfer rules, retries by transfer id, balances in the past, concurrency. */
class PointsApiTest extends CommunityApiSupport {

    @Test
    void aTransferMovesPointsAndAnswersBothBalancesAfter() {
        long g = newId();
        long alice = newId();
        long bob = newId();
        member(g, alice, "alice");
        member(g, bob, "bob");
        transfer(g, UUID.randomUUID().toString(), null, alice, 100, "welcome").expect(201);

        Map<String, Object> moved = transfer(g, UUID.randomUUID().toString(), alice, bob, 30, "thanks")
                .expect(201)
                .json();
        assertThat(number(moved.get("fromBalanceAfter"))).isEqualTo(70);
        assertThat(number(moved.get("toBalanceAfter"))).isEqualTo(30);
        assertThat(number(moved.get("from"))).isEqualTo(alice);
        assertThat(number(moved.get("to"))).isEqualTo(bob);
        assertThat(points(g, alice)).isEqualTo(70);
        assertThat(points(g, bob)).isEqualTo(30);

        // a moderator's deduction goes to the guild's account
        Map<String, Object> deducted = transfer(g, UUID.randomUUID().toString(), bob, null, 5, "spam")
                .expect(201)
                .json();
        assertThat(deducted.get("toBalanceAfter")).isNull();
        assertThat(number(deducted.get("fromBalanceAfter"))).isEqualTo(25);
    }

    @Test
    void transfersAndAdjustmentsAppendTheirEventsWithoutTheReason() {
        long g = newId();
        long alice = newId();
        long bob = newId();
        member(g, alice, "alice");
        member(g, bob, "bob");
        String award = UUID.randomUUID().toString();
        String gift = UUID.randomUUID().toString();
        transfer(g, award, null, alice, 40, "secret award note").expect(201);
        transfer(g, gift, alice, bob, 15, "secret gift note").expect(201);
        transfer(g, gift, alice, bob, 15, "secret gift note").expect(201); // a replay: no second event
        transfer(g, UUID.randomUUID().toString(), alice, bob, 999, null).problem(409); // refused: no event

        List<String> events = events(g);
        assertThat(events)
                .filteredOn(e -> e.startsWith("community.MemberJoined#1 community.Member "))
                .hasSize(2);
        List<String> transfers = events.stream()
                .filter(e -> e.startsWith("community.PointsTransferred"))
                .toList();
        assertThat(transfers)
                .hasSize(2)
                .allMatch(e -> e.startsWith("community.PointsTransferred#1 " + "community.PointsTransfer "));
        assertThat(transfers.get(0))
                .contains(
                        "\"transferId\": \"" + award + "\"",
                        "\"fromUserId\": null",
                        "\"toUserId\": " + alice,
                        "\"amount\": 40",
                        "\"toBalanceAfter\": 40");
        assertThat(transfers.get(1))
                .contains(
                        "\"transferId\": \"" + gift + "\"",
                        "\"fromUserId\": " + alice,
                        "\"toUserId\": " + bob,
                        "\"fromBalanceAfter\": 25",
                        "\"toBalanceAfter\": 15");
        assertThat(events).noneMatch(e -> e.contains("secret"));
    }

    @Test
    void brokenRulesChangeNothing() {
        long g = newId();
        long alice = newId();
        long bob = newId();
        member(g, alice, "alice");
        member(g, bob, "bob");
        transfer(g, UUID.randomUUID().toString(), null, alice, 10, null).expect(201);

        assertThat(transfer(g, UUID.randomUUID().toString(), alice, bob, 0, null)
                        .errorFields(400))
                .contains("amount");
        assertThat(transfer(g, UUID.randomUUID().toString(), alice, bob, -5, null)
                        .errorFields(400))
                .contains("amount");
        assertThat(transfer(g, UUID.randomUUID().toString(), alice, alice, 1, null)
                        .errorFields(400))
                .contains("to");
        assertThat(transfer(g, "not-a-uuid", alice, bob, 1, null).errorFields(400))
                .contains("id");
        assertThat(transfer(g, null, alice, bob, 1, null).errorFields(400)).contains("id");
        assertThat(transfer(g, UUID.randomUUID().toString(), null, null, 1, null)
                        .errorFields(400))
                .contains("to");
        assertThat(transfer(g, UUID.randomUUID().toString(), alice, bob, 11, null)
                        .problem(409)
                        .get("detail"))
                .asString()
                .contains("insufficient");
        transfer(g, UUID.randomUUID().toString(), alice, newId(), 1, null).problem(404);
        transfer(newId(), UUID.randomUUID().toString(), alice, bob, 1, null).problem(404);

        // the guild's ceiling
        String path = guild(g) + "/config";
        String etag = api().get(path).token(bot()).send().expect(200).etag();
        api().patch(path)
                .token(bot())
                .ifMatch(etag)
                .raw("{\"maxPoints\":12}", PATCH)
                .send()
                .expect(200);
        transfer(g, UUID.randomUUID().toString(), null, alice, 3, null).problem(409);

        assertThat(points(g, alice)).isEqualTo(10);
        assertThat(points(g, bob)).isZero();
        assertThat(ledgerRows(g)).isEqualTo(1);
    }

    @Test
    void theTransferIdMakesRetriesSafe() {
        long g = newId();
        long alice = newId();
        long bob = newId();
        member(g, alice, "alice");
        member(g, bob, "bob");
        transfer(g, UUID.randomUUID().toString(), null, alice, 50, null).expect(201);
        String id = UUID.randomUUID().toString();

        Api.Response first = transfer(g, id, alice, bob, 20, "gift").expect(201);
        Api.Response retry = transfer(g, id, alice, bob, 20, "gift").expect(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Strata-Transfer-Replayed")).contains("true");
        assertThat(points(g, alice)).isEqualTo(30);

        Map<String, Object> problem = transfer(g, id, alice, bob, 25, "present").problem(409);
        assertThat(problem.get("detail"))
                .asString()
                .contains("amount")
                .contains("reason")
                .doesNotContain("from,");
        assertThat(points(g, alice)).isEqualTo(30);
        assertThat(points(g, bob)).isEqualTo(20);
    }

    @Test
    void balancesInThePastComeFromTheLedger() {
        long g = newId();
        long alice = newId();
        long bob = newId();
        member(g, alice, "alice");
        member(g, bob, "bob");
        Map<String, Object> award = transfer(g, UUID.randomUUID().toString(), null, alice, 40, null)
                .expect(201)
                .json();
        Instant afterAward = Instant.parse((String) award.get("createdAt"));
        transfer(g, UUID.randomUUID().toString(), alice, bob, 15, null).expect(201);

        assertThat(balancesAt(g, afterAward)).containsEntry(alice, 40L).containsEntry(bob, 0L);
        assertThat(balancesAt(g, Instant.now().plusSeconds(60)))
                .containsEntry(alice, 25L)
                .containsEntry(bob, 15L);
        assertThat(balancesAt(g, afterAward.minusSeconds(3600))).doesNotContainKey(alice);
        api().get(guild(g) + "/balances?at=yesterday").token(bot()).send().errorFields(400);
        api().get(guild(g) + "/balances").token(bot()).send().errorFields(400);
    }

    /**
     * 200 transfers from 20 threads among 10 members, the first 40 between one pair in both directions at once: no
     * error but "insufficient points" reaches a client, the total is unchanged, no balance is negative, and the
     * ledger replays to every final balance.
     */
    @Test
    void concurrentTransfersNeitherDeadlockNorLoseOrMakePoints() throws Exception {
        long g = newId();
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long user = newId();
            members.add(user);
            member(g, user, "m" + i);
            transfer(g, UUID.randomUUID().toString(), null, user, 100, null).expect(201);
        }
        Random random = new Random(13);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long from;
            long to;
            if (i < 40) { // one hot pair, opposite directions interleaved
                from = members.get(i % 2);
                to = members.get(1 - i % 2);
            } else {
                from = members.get(random.nextInt(10));
                do {
                    to = members.get(random.nextInt(10));
                } while (to == from);
            }
            long amount = 1 + random.nextInt(40);
            long sender = from;
            long receiver = to;
            calls.add(() -> transfer(g, UUID.randomUUID().toString(), sender, receiver, amount, null)
                    .status());
        }
        List<Integer> statuses = concurrently(20, calls);
        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSizeGreaterThan(100);

        Map<Long, Long> finals = new HashMap<>();
        for (long user : members) {
            finals.put(user, points(g, user));
        }
        assertThat(finals.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
        assertThat(finals.values()).allMatch(p -> p >= 0);
        assertThat(balancesAt(g, Instant.now().plusSeconds(60))).isEqualTo(finals);
        assertThat(ledgerRows(g))
                .isEqualTo(10 + statuses.stream().filter(s -> s == 201).count());
    }

    private Map<Long, Long> balancesAt(long g, Instant at) {
        Map<String, Object> body = api().get(guild(g) + "/balances?at=" + at)
                .token(bot())
                .send()
                .expect(200)
                .json();
        Map<Long, Long> balances = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) body.get("balances");
        rows.forEach(r -> balances.put(number(r.get("userId")), number(r.get("points"))));
        return balances;
    }

    private long points(long g, long user) {
        return number(api().get(guild(g) + "/members/" + user)
                .token(bot())
                .send()
                .expect(200)
                .json()
                .get("points"));
    }

    private long ledgerRows(long g) {
        try (Connection c = TestPostgres.connect(jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM community_points_transfers t "
                        + "JOIN community_guilds g ON g.id = t.guild_id WHERE g.external_id = " + g)) {
            rows.next();
            return rows.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
