package io.strata.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.shared.JsonColumns;
import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.model.Clock;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonColumns}, with the identity context's {@code preferences} column as the fixture: Hibernate reads and
 * writes {@code jsonb} through it, values of every JSON kind survive a write and a read, and threads share it.
 */
class JsonColumnsTest extends PostgresTest {
    private static final Map<String, Object> PREFERENCES = preferences();

    private EntityManager entityManager;
    private UUID id;

    private static Map<String, Object> preferences() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("depth", 2);
        nested.put("tags", List.of("a", "b ü", "✓ 😀"));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("theme", "dark");
        all.put("count", 42);
        all.put("big", 9_007_199_254_740_993L);
        all.put("ratio", 0.25);
        all.put("on", true);
        all.put("nothing", null);
        all.put("quote\"and\\slash", "line\nbreak\ttab");
        all.put("nested", nested);
        all.put("list", Arrays.asList(1, "two", null, List.of(3)));
        return all;
    }

    @BeforeAll
    void seed() {
        entityManager = bean(EntityManager.class);
        User user = User.create(
                new Email("json@example.com"), new Username("jsoner"), null, null, null, null, null, Clock.system());
        txRun(() -> bean(UserRepository.class).add(user));
        id = user.id().value();
    }

    @Test
    void hibernateMapsJsonColumnsWithIt() {
        SessionFactoryImplementor factory = bean(SessionFactory.class).unwrap(SessionFactoryImplementor.class);
        assertThat(factory.getSessionFactoryOptions()
                        .getJsonFormatMapper()
                        .getClass()
                        .getEnclosingClass())
                .isEqualTo(JsonColumns.class);
    }

    @Test
    void everyKindOfJsonValueSurvivesAWriteAndARead() {
        txRun(() -> entityManager.find(UserJpaEntity.class, id).setPreferences(new LinkedHashMap<>(PREFERENCES)));
        Map<String, Object> read =
                readTx(() -> entityManager.find(UserJpaEntity.class, id).getPreferences());
        assertThat(read).isEqualTo(PREFERENCES);
        // PostgreSQL holds the JSON itself, not a string of it
        Object tag = tx(() -> entityManager
                .createNativeQuery("SELECT preferences->'nested'->'tags'->>2 FROM users WHERE id = :id")
                .setParameter("id", id)
                .getSingleResult());
        assertThat(tag).isEqualTo("✓ 😀");
    }

    @Test
    void threadsReadAndWriteThroughItAtOnce() throws Exception {
        txRun(() -> entityManager.find(UserJpaEntity.class, id).setPreferences(new LinkedHashMap<>(PREFERENCES)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, Object>>> reads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                reads.add(pool.submit(() ->
                        readTx(() -> entityManager.find(UserJpaEntity.class, id).getPreferences())));
            }
            for (Future<Map<String, Object>> read : reads) {
                assertThat(read.get()).isEqualTo(PREFERENCES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
