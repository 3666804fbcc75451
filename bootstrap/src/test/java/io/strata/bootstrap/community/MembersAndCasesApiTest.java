package io.strata.bootstrap.community;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Members (upsert, activity, top lists) and moderation cases (numbering, resolve, reason history, lists). */
class MembersAndCasesApiTest extends CommunityApiSupport {

    @Test
    void aMemberIsUpsertedByGuildAndUserId() {
        long g = newId();
        long user = newId();
        Map<String, Object> created = member(g, user, "tux");
        assertThat(created)
                .containsEntry("username", "tux")
                .containsEntry("points", 0)
                .containsEntry("version", 0);
        assertThat(number(created.get("userId"))).isEqualTo(user);
        Map<String, Object> same = member(g, user, "tux");
        assertThat(same).containsEntry("version", 0);
        Map<String, Object> renamed = member(g, user, "penguin");
        assertThat(renamed).containsEntry("username", "penguin").containsEntry("version", 1);
        // same user id in another guild: another member
        assertThat(member(newId(), user, "tux")).containsEntry("username", "tux");

        api().put(guild(g) + "/members/" + user)
                .token(bot())
                .json(body("username", null))
                .send()
                .errorFields(400);
        api().put(guild(g) + "/members/" + user)
                .token(bot())
                .json(body("username", "x\u0000y"))
                .send()
                .problem(400);
        api().put(guild(g) + "/members/-1")
                .token(bot())
                .json(body("username", "a"))
                .send()
                .errorFields(400);
        api().get(guild(g) + "/members/" + newId()).token(bot()).send().problem(404);
    }

    @Test
    void concurrentActivityIsCountedExactly() throws Exception {
        long g = newId();
        long user = newId();
        member(g, user, "chatty");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(() -> api().post(guild(g) + "/members/" + user + "/activity")
                    .token(bot())
                    .send()
                    .status());
        }
        assertThat(concurrently(10, calls)).containsOnly(200);
        Map<String, Object> member = api().get(guild(g) + "/members/" + user)
                .token(bot())
                .send()
                .expect(200)
                .json();
        assertThat(member).containsEntry("messageCount", 40);
        assertThat(member.get("lastActiveAt")).isNotNull();
        api().post(guild(g) + "/members/" + newId() + "/activity")
                .token(bot())
                .send()
                .problem(404);
    }

    @Test
    void topMembersComeInKeysetPagesAtAConstantCost() {
        long g = newId();
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long user = newId();
            users.add(user);
            member(g, user, "top" + i);
            transfer(g, UUID.randomUUID().toString(), null, user, 10L * (i + 1), null)
                    .expect(201);
            for (int m = 0; m < 5 - i; m++) {
                api().post(guild(g) + "/members/" + user + "/activity")
                        .token(bot())
                        .send()
                        .expect(200);
            }
        }
        Api.Response first = api().get(guild(g) + "/members?sort=-points&limit=2")
                .token(bot())
                .send()
                .expect(200);
        assertThat(first.items()).extracting(m -> number(m.get("points"))).containsExactly(50L, 40L);
        String cursor = (String) ((Map<?, ?>) first.json().get("page")).get("nextCursor");
        assertThat(cursor).isNotNull();
        assertThat(api().get(guild(g) + "/members?sort=-points&limit=2&cursor=" + cursor)
                        .token(bot())
                        .send()
                        .expect(200)
                        .items())
                .extracting(m -> number(m.get("points")))
                .containsExactly(30L, 20L);
        assertThat(api().get(guild(g) + "/members?sort=-messageCount&limit=1")
                        .token(bot())
                        .send()
                        .expect(200)
                        .items())
                .extracting(m -> number(m.get("userId")))
                .containsExactly(users.get(0));
        api().get(guild(g) + "/members?sort=-username").token(bot()).send().problem(400);

        api().get(guild(g) + "/members?limit=1").token(bot()).send().expect(200); // warm-up
        long one = sql().countDuring(() ->
                api().get(guild(g) + "/members?limit=1").token(bot()).send().expect(200));
        long hundred = sql().countDuring(() ->
                api().get(guild(g) + "/members?limit=100").token(bot()).send().expect(200));
        assertThat(hundred).isEqualTo(one);
    }

    @Test
    void casesAreNumberedWithoutGapsOrDuplicatesUnderConcurrency() throws Exception {
        long g = newId();
        long user = newId();
        member(g, user, "rowdy");
        List<Callable<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(() -> number(
                    openCase(g, user, "WARN", "reason").expect(201).json().get("number")));
        }
        List<Long> numbers = concurrently(10, calls);
        assertThat(numbers)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 30).boxed().toList());
        // another guild counts from 1
        long other = newId();
        member(other, user, "rowdy");
        assertThat(openCase(other, user, "NOTE", null).expect(201).json()).containsEntry("number", 1);
    }

    @Test
    void aCaseIsResolvedAndItsReasonEditedWithHistory() {
        long g = newId();
        long user = newId();
        long moderator = newId();
        member(g, user, "offender");
        Api.Response opened = openCase(g, user, "MUTE", "spam", moderator).expect(201);
        assertThat(opened.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/cases/1"));
        String path = guild(g) + "/cases/1";

        api().put(path + "/reason")
                .token(bot())
                .json(body("moderatorId", moderator, "reason", "x"))
                .send()
                .problem(428);
        api().put(path + "/reason")
                .token(bot())
                .ifMatch("\"9\"")
                .json(body("moderatorId", moderator, "reason", "x"))
                .send()
                .problem(412);
        Api.Response edited = api().put(path + "/reason")
                .token(bot())
                .ifMatch(opened.etag())
                .json(body("moderatorId", moderator, "reason", "spam links"))
                .send()
                .expect(200);
        assertThat(edited.json()).containsEntry("reason", "spam links").containsEntry("version", 1);

        assertThat(api().get(path + "/reasons").token(bot()).send().expect(200).body())
                .contains("\"revision\":1", "\"spam\"", "\"revision\":2", "\"spam links\"");

        Map<String, Object> resolved = api().post(path + "/resolve")
                .token(bot())
                .json(body("moderatorId", moderator))
                .send()
                .expect(200)
                .json();
        assertThat(resolved).containsEntry("active", false);
        // each change appends its event to the case's stream, numbered on; the reason text stays out
        List<String> caseEvents = events(g).stream()
                .filter(e -> e.contains(" community.ModerationCase "))
                .toList();
        assertThat(caseEvents)
                .extracting(e -> e.substring(0, e.indexOf(' ')))
                .containsExactly("community.CaseOpened#1", "community.CaseReasonChanged#2", "community.CaseResolved#3");
        assertThat(caseEvents.get(0)).contains("\"type\": \"MUTE\"", "\"number\": 1", "\"memberUserId\": " + user);
        assertThat(caseEvents.get(1)).contains("\"revision\": 2", "\"editedBy\": " + moderator);
        assertThat(caseEvents.get(2)).contains("\"resolvedBy\": " + moderator);
        assertThat(caseEvents).noneMatch(e -> e.contains("spam"));
        assertThat(resolved.get("resolvedAt")).isNotNull();
        api().post(path + "/resolve")
                .token(bot())
                .json(body("moderatorId", moderator))
                .send()
                .problem(409);
        api().get(guild(g) + "/cases/99").token(bot()).send().problem(404);

        assertThat(openCase(g, user, "SHOUT", null).errorFields(400)).contains("type");
        assertThat(openCase(g, newId(), "WARN", null).status()).isEqualTo(404);
        assertThat(api().post(guild(g) + "/cases")
                        .token(bot())
                        .json(body(
                                "userId",
                                user,
                                "type",
                                "BAN",
                                "moderatorId",
                                moderator,
                                "expiresAt",
                                "2001-01-01T00:00:00Z"))
                        .send()
                        .errorFields(400))
                .contains("expiresAt");
    }

    @Test
    void membersWithCasesAndCaseListsByFilter() {
        long g = newId();
        long quiet = newId();
        long loud = newId();
        long modA = newId();
        long modB = newId();
        member(g, quiet, "quiet");
        member(g, loud, "loud");
        openCase(g, loud, "WARN", "one", modA).expect(201);
        openCase(g, loud, "BAN", "two", modB).expect(201);
        openCase(g, quiet, "NOTE", "three", modA).expect(201);
        api().post(guild(g) + "/cases/3/resolve")
                .token(bot())
                .json(body("moderatorId", modA))
                .send()
                .expect(200);

        Map<String, Object> withCases = api().get(guild(g) + "/members/" + loud + "?include=cases")
                .token(bot())
                .send()
                .expect(200)
                .json();
        assertThat((List<?>) withCases.get("cases")).hasSize(2);
        assertThat(api().get(guild(g) + "/members/" + loud)
                        .token(bot())
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("cases", null);
        long statements = sql().countDuring(() -> api().get(guild(g) + "/members/" + loud + "?include=cases")
                .token(bot())
                .send()
                .expect(200));
        assertThat(statements).isLessThanOrEqualTo(3);
        api().get(guild(g) + "/members/" + loud + "?include=friends")
                .token(bot())
                .send()
                .errorFields(400);

        assertThat(api().get(guild(g) + "/members?hasActiveCase=eq.true")
                        .token(bot())
                        .send()
                        .expect(200)
                        .items())
                .extracting(m -> number(m.get("userId")))
                .containsExactly(loud);

        assertThat(numbers("?type=eq.BAN")).containsExactly(2L);
        assertThat(numbers("?active=eq.true")).containsExactly(2L, 1L);
        assertThat(numbers("?moderatorId=eq." + modA)).containsExactly(3L, 1L);
        assertThat(numbers("?memberId=eq." + quiet)).containsExactly(3L);
        assertThat(numbers("?sort=number&limit=2")).containsExactly(1L, 2L);
        api().get(guild(g) + "/cases?type=eq.SHOUT").token(bot()).send().problem(400);

        api().get(guild(g) + "/cases?limit=1").token(bot()).send().expect(200); // warm-up
        long one = sql().countDuring(() ->
                api().get(guild(g) + "/cases?limit=1").token(bot()).send().expect(200));
        long hundred = sql().countDuring(() ->
                api().get(guild(g) + "/cases?limit=100").token(bot()).send().expect(200));
        assertThat(hundred).isEqualTo(one);
    }

    /** The platform's Idempotency-Key on the context's POSTs: a retry replays, another body with the key is a 409. */
    @Test
    void postsHonourTheIdempotencyKey() {
        long g = newId();
        long user = newId();
        member(g, user, "retried");
        String key = UUID.randomUUID().toString();
        Map<String, Object> opening = body("userId", user, "type", "WARN", "reason", "spam", "moderatorId", 7);
        Api.Response first = api().post(guild(g) + "/cases")
                .token(bot())
                .header("Idempotency-Key", key)
                .json(opening)
                .send()
                .expect(201);
        Api.Response retry = api().post(guild(g) + "/cases")
                .token(bot())
                .header("Idempotency-Key", key)
                .json(opening)
                .send()
                .expect(201);
        assertThat(retry.header("Idempotency-Replayed")).hasValue("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        api().post(guild(g) + "/cases")
                .token(bot())
                .header("Idempotency-Key", key)
                .json(body("userId", user, "type", "BAN", "reason", "spam", "moderatorId", 7))
                .send()
                .problem(409);
        lastGuild = g;
        assertThat(lastCases("")).containsExactly(1L);

        // activity counted once per key
        String activityKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            api().post(guild(g) + "/members/" + user + "/activity")
                    .token(bot())
                    .header("Idempotency-Key", activityKey)
                    .send()
                    .expect(200);
        }
        assertThat(api().get(guild(g) + "/members/" + user)
                        .token(bot())
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("messageCount", 1);

        // a transfer: the key replays like the transfer id does
        transfer(g, UUID.randomUUID().toString(), null, user, 10, null).expect(201);
        Map<String, Object> move = body("id", UUID.randomUUID().toString(), "from", user, "amount", 3);
        String transferKey = UUID.randomUUID().toString();
        Map<String, Object> moved = api().post(guild(g) + "/transfers")
                .token(bot())
                .header("Idempotency-Key", transferKey)
                .json(move)
                .send()
                .expect(201)
                .json();
        Api.Response again = api().post(guild(g) + "/transfers")
                .token(bot())
                .header("Idempotency-Key", transferKey)
                .json(move)
                .send()
                .expect(201);
        assertThat(again.header("Idempotency-Replayed")).hasValue("true");
        assertThat(again.json()).isEqualTo(moved);
        api().post(guild(g) + "/transfers")
                .token(bot())
                .header("Idempotency-Key", transferKey)
                .json(body("id", UUID.randomUUID().toString(), "from", user, "amount", 4))
                .send()
                .problem(409);
        assertThat(number(moved.get("fromBalanceAfter"))).isEqualTo(7);
    }

    private List<Long> numbers(String query) {
        // cases of the last guild used; the guild id is part of the query's path
        return lastCases(query);
    }

    private long lastGuild;

    private List<Long> lastCases(String query) {
        return api().get(guild(lastGuild) + "/cases" + query).token(bot()).send().expect(200).items().stream()
                .map(c -> number(c.get("number")))
                .toList();
    }

    private Api.Response openCase(long g, long user, String type, String reason) {
        return openCase(g, user, type, reason, 4242L);
    }

    private Api.Response openCase(long g, long user, String type, String reason, long moderator) {
        lastGuild = g;
        return api().post(guild(g) + "/cases")
                .token(bot())
                .json(body("userId", user, "type", type, "reason", reason, "moderatorId", moderator))
                .send();
    }
}
