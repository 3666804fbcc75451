package io.strata.bootstrap.community;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.shared.cache.CacheStatistics;
import io.strata.adapters.persistence.shared.cache.PlatformCaches;
import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.testing.Api;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Guild config over HTTP: get-or-create under a race, merge patch with If-Match, cached reads, who may call. */
class GuildConfigApiTest extends CommunityApiSupport {

    @Test
    void theFirstRequestCreatesTheDefaults() {
        long guildId = newId();
        Api.Response response =
                api().get(guild(guildId) + "/config").token(bot()).send().expect(200);
        Map<String, Object> config = response.json();
        assertThat(config)
                .containsEntry("prefix", "!")
                .containsEntry("settings", Map.of())
                .containsEntry("maxPoints", 1_000_000)
                .containsEntry("version", 0)
                .containsEntry("name", null);
        assertThat(number(config.get("guildId"))).isEqualTo(guildId);
        assertThat(response.etag()).isEqualTo("\"0\"");
    }

    @Test
    void fiftyConcurrentFirstRequestsCreateOneRowAndAllSucceed() throws Exception {
        long guildId = newId();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() ->
                    api().get(guild(guildId) + "/config").token(bot()).send().status());
        }
        List<Integer> statuses = concurrently(50, calls);
        assertThat(statuses).containsOnly(200);
        assertThat(count("SELECT count(*) FROM community_guilds WHERE external_id = " + guildId))
                .isEqualTo(1);
    }

    @Test
    void anUpdateNeedsTheVersionReadAndIsSeenByTheNextRead() {
        long guildId = newId();
        String etag = api().get(guild(guildId) + "/config")
                .token(bot())
                .send()
                .expect(200)
                .etag();
        String path = guild(guildId) + "/config";

        api().patch(path).token(bot()).raw("{\"prefix\":\"?\"}", PATCH).send().problem(428);
        api().patch(path)
                .token(bot())
                .ifMatch("\"7\"")
                .raw("{\"prefix\":\"?\"}", PATCH)
                .send()
                .problem(412);

        Api.Response updated = api().patch(path)
                .token(bot())
                .ifMatch(etag)
                .raw("{\"prefix\":\"?\",\"name\":\"Tux\",\"settings\":{\"lang\":\"en\"},\"maxPoints\":500}", PATCH)
                .send()
                .expect(200);
        assertThat(updated.etag()).isEqualTo("\"1\"");
        assertThat(updated.json())
                .containsEntry("prefix", "?")
                .containsEntry("name", "Tux")
                .containsEntry("settings", Map.of("lang", "en"))
                .containsEntry("maxPoints", 500);

        // read again at once on this instance: never the replaced version
        Map<String, Object> read =
                api().get(path).token(bot()).send().expect(200).json();
        assertThat(read).containsEntry("prefix", "?").containsEntry("version", 1);

        api().patch(path)
                .token(bot())
                .ifMatch(etag)
                .raw("{\"prefix\":\"#\"}", PATCH)
                .send()
                .problem(412);

        // the change's event names the fields, not their values; a refused change appends none
        assertThat(events(guildId))
                .singleElement()
                .asString()
                .startsWith("community.GuildConfigChanged#1 community.GuildConfig ")
                .contains("\"fields\": [\"name\", \"prefix\", \"settings\", \"maxPoints\"]", "\"version\": 1")
                .doesNotContain("lang");
    }

    @Test
    void badPatchesAreOne400NamingTheFieldsAndChangeNothing() {
        long guildId = newId();
        String path = guild(guildId) + "/config";
        String etag = api().get(path).token(bot()).send().expect(200).etag();
        assertThat(api().patch(path)
                        .token(bot())
                        .ifMatch(etag)
                        .raw("{\"prefix\":null,\"maxPoints\":1.5,\"settings\":null}", PATCH)
                        .send()
                        .errorFields(400))
                .contains("prefix", "maxPoints", "settings");
        assertThat(api().patch(path)
                        .token(bot())
                        .ifMatch(etag)
                        .raw("{\"prefix\":\"a b\"}", PATCH)
                        .send()
                        .errorFields(400))
                .contains("prefix");
        assertThat(api().patch(path)
                        .token(bot())
                        .ifMatch(etag)
                        .raw("{\"version\":3}", PATCH)
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api().patch(path)
                        .token(bot())
                        .ifMatch(etag)
                        .raw("{\"maxPoints\":0}", PATCH)
                        .send()
                        .errorFields(400))
                .contains("maxPoints");
        assertThat(api().get(path).token(bot()).send().expect(200).etag()).isEqualTo(etag);
    }

    @Test
    void repeatedReadsAreServedFromTheCache() {
        long guildId = newId();
        String path = guild(guildId) + "/config";
        api().get(path).token(bot()).send().expect(200); // creates the guild: no fill until its NOTIFY comes back
        long start = System.nanoTime();
        long seen = statistics().hits();
        while (statistics().hits() == seen) { // a committed read fills the cache once the notification is in
            assertThat(System.nanoTime() - start).as("the cache fills").isLessThan(30_000_000_000L);
            api().get(path).token(bot()).send().expect(200);
        }
        long hitsBefore = statistics().hits();
        for (int i = 0; i < 5; i++) {
            api().get(path).token(bot()).send().expect(200);
        }
        assertThat(statistics().hits() - hitsBefore).isGreaterThanOrEqualTo(5);
    }

    /** A guild is bound to the bot whose request created it: another MANAGER can neither read nor change it. */
    @Test
    void anotherBotCannotReadOrChangeTheGuild() {
        long guildId = newId();
        long user = newId();
        String etag = api().get(guild(guildId) + "/config")
                .token(bot())
                .send()
                .expect(200)
                .etag();
        member(guildId, user, "owned");
        transfer(guildId, UUID.randomUUID().toString(), null, user, 10, null).expect(201);
        String other = api().newUser(adminToken(), "otherbot", "MANAGER").token();
        String g = guild(guildId);

        api().get(g + "/config").token(other).send().problem(404);
        api().patch(g + "/config")
                .token(other)
                .ifMatch(etag)
                .raw("{\"prefix\":\"?\"}", PATCH)
                .send()
                .problem(404);
        api().put(g + "/members/" + user)
                .token(other)
                .json(Map.of("username", "stolen"))
                .send()
                .problem(404);
        api().put(g + "/members/" + newId())
                .token(other)
                .json(Map.of("username", "new"))
                .send()
                .problem(404);
        api().get(g + "/members/" + user).token(other).send().problem(404);
        api().get(g + "/members").token(other).send().problem(404);
        api().post(g + "/members/" + user + "/activity").token(other).send().problem(404);
        api().post(g + "/transfers")
                .token(other)
                .json(body("id", UUID.randomUUID().toString(), "from", user, "amount", 5))
                .send()
                .problem(404);
        api().get(g + "/balances?at=" + java.time.Instant.now())
                .token(other)
                .send()
                .problem(404);
        api().post(g + "/cases")
                .token(other)
                .json(body("userId", user, "type", "BAN", "moderatorId", 9))
                .send()
                .problem(404);
        api().get(g + "/cases").token(other).send().problem(404);

        // nothing changed; the other bot's own guild is its own; an ADMIN acts for every guild
        Map<String, Object> member = api().get(g + "/members/" + user)
                .token(bot())
                .send()
                .expect(200)
                .json();
        assertThat(member)
                .containsEntry("username", "owned")
                .containsEntry("points", 10)
                .containsEntry("messageCount", 0);
        assertThat(api().get(g + "/cases").token(bot()).send().expect(200).items())
                .isEmpty();
        api().get(guild(newId()) + "/config").token(other).send().expect(200);
        api().get(g + "/config").token(adminToken()).send().expect(200);
        api().get(g + "/members/" + user).token(adminToken()).send().expect(200);
    }

    @Test
    void onlyTheBotOrAnAdminMayCall() {
        long guildId = newId();
        String user = api().newUser(adminToken(), "member", null).token();
        api().get(guild(guildId) + "/config").token(user).send().problem(403);
        api().get(guild(guildId) + "/config").send().problem(401);
        api().get(guild(guildId) + "/config").token(adminToken()).send().expect(200);
        api().get("/api/v1/guilds/0/config").token(bot()).send().problem(400);
        api().get("/api/v1/guilds/abc/config").token(bot()).send().problem(400);
        api().get("/api/v1/guilds/99999999999999999999999/config")
                .token(bot())
                .send()
                .problem(400);
    }

    private CacheStatistics statistics() {
        return bean(PlatformCaches.class).statistics().stream()
                .filter(s -> s.name().equals("community.guild"))
                .findFirst()
                .orElseThrow();
    }

    private long count(String sql) {
        try (Connection c = TestPostgres.connect(jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
