package io.strata.bootstrap.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The bot's hot writes (its guild's config on every command, a points transfer, a config change with its cache
 * invalidation) are {@code @Rerunnable} and issue only plain statements: over HTTP they open no Hibernate session and
 * none runs again in Micronaut's transaction, and what they write lands.
 */
class CommunityPlainTransactionsTest extends CommunityApiSupport {

    @Test
    void aTransferAndItsReplayOpenNoHibernateSession() {
        long g = newId();
        long alice = newId();
        long bob = newId();
        member(g, alice, "alice");
        member(g, bob, "bob");
        transfer(g, UUID.randomUUID().toString(), null, alice, 50, null).expect(201); // also the use case's first run
        String id = UUID.randomUUID().toString();

        TransactionsObserved moved = transactionsDuring(
                () -> transfer(g, id, alice, bob, 20, "thanks").expect(201));
        TransactionsObserved replayed = transactionsDuring(
                () -> transfer(g, id, alice, bob, 20, "thanks").expect(201));
        TransactionsObserved refused = transactionsDuring(() ->
                transfer(g, UUID.randomUUID().toString(), bob, alice, 21, null).problem(409));

        for (TransactionsObserved observed : new TransactionsObserved[] {moved, replayed, refused}) {
            assertThat(observed.sessions()).as("Hibernate sessions opened").isZero();
            assertThat(observed.reruns())
                    .as("runs again in Micronaut's transaction")
                    .isZero();
        }
        assertThat(moved.statements())
                .as("an earlier transfer with this id, the two members locked, the ledger row, two balances, the event "
                        + "(the guild from the platform cache)")
                .isEqualTo(6);
        Map<String, Object> bobNow = api().get(guild(g) + "/members/" + bob)
                .token(bot())
                .send()
                .expect(200)
                .json();
        assertThat(number(bobNow.get("points"))).isEqualTo(20);
    }

    @Test
    void aConfigChangeAndItsInvalidationOpenNoHibernateSession() {
        long g = newId();
        String path = guild(g) + "/config";
        api().get(guild(newId()) + "/config").token(bot()).send().expect(200); // the bot, and the use case's first run
        TransactionsObserved created =
                transactionsDuring(() -> api().get(path).token(bot()).send().expect(200));
        String etag = api().get(path).token(bot()).send().expect(200).etag();

        TransactionsObserved changed = transactionsDuring(() -> api().patch(path)
                .token(bot())
                .ifMatch(etag)
                .raw("{\"prefix\":\"?\"}", PATCH)
                .send()
                .expect(200));

        assertThat(created.sessions())
                .as("Hibernate sessions opened by the first read")
                .isZero();
        assertThat(changed.sessions())
                .as("Hibernate sessions opened by the change")
                .isZero();
        assertThat(created.reruns() + changed.reruns())
                .as("runs again in Micronaut's transaction")
                .isZero();
        // the invalidation was published in the change's transaction: the next read is the new version
        assertThat(api().get(path).token(bot()).send().expect(200).json()).containsEntry("prefix", "?");
    }
}
