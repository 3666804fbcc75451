package io.strata.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.shared.ReadOnlyFlushes;
import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.model.Clock;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadOnlyFlushes}, with the identity context's entity as the fixture: a read-only transaction that only read
 * flushes nothing at commit, and one that tries to write still reaches PostgreSQL, which refuses the write.
 */
class ReadOnlyFlushesTest extends PostgresTest {
    private EntityManager entityManager;
    private User user;

    @BeforeAll
    void seed() {
        entityManager = bean(EntityManager.class);
        UserRepository users = bean(UserRepository.class);
        user = User.create(
                new Email("flush@example.com"),
                new Username("flusher"),
                "First",
                null,
                null,
                null,
                null,
                Clock.system());
        txRun(() -> {
            users.add(user);
            users.add(User.create(
                    new Email("flush2@example.com"),
                    new Username("flusher2"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    Clock.system()));
        });
    }

    private List<UserJpaEntity> readEntities() {
        return entityManager
                .createQuery("select u from UserJpaEntity u order by u.username", UserJpaEntity.class)
                .getResultList();
    }

    @Test
    void aReadOnlyTransactionThatOnlyReadEntitiesIsNotFlushed() {
        statistics().clear();
        assertThat(readTx(this::readEntities)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(statistics().getFlushCount()).isZero();

        // the same read in a read-write transaction is flushed at commit, as always
        statistics().clear();
        assertThat(tx(this::readEntities)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(statistics().getFlushCount()).isEqualTo(1);
    }

    @Test
    void anEntityMadeWritableInAReadOnlyTransactionIsFlushedAndRefused() {
        assertThatThrownBy(() -> readTx(() -> {
                    UserJpaEntity entity =
                            entityManager.find(UserJpaEntity.class, user.id().value());
                    entityManager.unwrap(Session.class).setReadOnly(entity, false);
                    entity.setFirstName("Changed");
                    return null;
                }))
                .hasStackTraceContaining("read-only transaction");
        assertThat(readTx(() -> entityManager
                        .find(UserJpaEntity.class, user.id().value())
                        .getFirstName()))
                .isEqualTo("First");
    }

    @Test
    void anEntityPersistedInAReadOnlyTransactionIsFlushedAndRefused() {
        User stray = User.create(
                new Email("stray@example.com"), new Username("stray"), null, null, null, null, null, Clock.system());
        assertThatThrownBy(() -> readTx(() -> {
                    UserJpaEntity entity = bean(UserJpaMapper.class).toEntity(stray);
                    entity.setPasswordHash(UserJpaEntity.NO_PASSWORD);
                    entityManager.persist(entity);
                    return null;
                }))
                .hasStackTraceContaining("read-only transaction");
        assertThat(readTx(
                        () -> entityManager.find(UserJpaEntity.class, stray.id().value())))
                .isNull();
    }
}
