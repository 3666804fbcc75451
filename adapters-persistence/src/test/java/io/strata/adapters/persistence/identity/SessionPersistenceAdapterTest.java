package io.strata.adapters.persistence.identity;

import static io.strata.adapters.persistence.identity.IdentityFixtures.T0;
import static io.strata.adapters.persistence.identity.IdentityJpaMappersTest.assertSameState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.hibernate.HibernateTransactionManager;
import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.ClientInfo;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionId;
import io.strata.domain.identity.SessionPrincipal;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.sql.model.MutationOperationGroup;
import org.hibernate.sql.model.jdbc.JdbcMutationOperation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionPersistenceAdapterTest extends PostgresTest {
    private static final Duration DAY = Duration.ofDays(1);
    private UserRepository users;
    private SessionRepository sessions;
    private User owner;

    @BeforeAll
    void beans() {
        users = bean(UserRepository.class);
        sessions = bean(SessionRepository.class);
    }

    @BeforeEach
    void user() {
        sql("DELETE FROM users");
        owner = tx(() -> users.add(IdentityFixtures.user(
                "owner", Role.MANAGER, UserStatus.ACTIVE, java.util.Set.of(), T0, null, "Own", "Er")));
    }

    @Test
    void addAndFindRoundTripThroughTheDatabase() {
        Session session = IdentityFixtures.session(owner.id(), T0, T0.plus(DAY));
        assertThat(tx(() -> sessions.add(session))).isSameAs(session);
        Session found = readTx(() -> sessions.findById(session.id())).orElseThrow();
        assertSameState(found, session);
        assertThat(found.ipAddress()).isEqualTo("203.0.113.7");
        assertThat(found.deviceInfo())
                .isEqualTo(Map.of("os", "linux", "browser", Map.of("name", "firefox", "version", 128)));
        assertThat(readTx(() -> sessions.findById(SessionId.newId()))).isEmpty();
    }

    @Test
    void theDeclaredTableRendersTheStatementsHibernateWould() {
        EntityPersister persister = bean(EntityManagerFactory.class)
                .unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel()
                .getEntityDescriptor(SessionJpaEntity.class);
        assertThat(SessionPersistenceAdapter.TABLE.insertSql())
                .isEqualTo(sql(persister.getInsertCoordinator().getStaticMutationOperationGroup()))
                .contains("cast(? as inet)");
        assertThat(SessionPersistenceAdapter.TABLE.updateSql())
                .isEqualTo(sql(persister.getUpdateCoordinator().getStaticMutationOperationGroup()));
    }

    private static String sql(MutationOperationGroup group) {
        return ((JdbcMutationOperation) group.getSingleOperation()).getSqlString();
    }

    @Test
    void aNewSessionIsOneInsertAndItsEventAndComesBackAsItWent() {
        Map<String, Object> device = new java.util.LinkedHashMap<>();
        device.put("quote", "it's \"quoted\" \\ back");
        device.put("ünïcödé", List.of("✓", 1, 2.5, true));
        device.put("nested", Map.of("empty", Map.of(), "null", "null"));
        Session hostile = Session.start(
                owner.id(),
                IdentityFixtures.randomHash(),
                new ClientInfo("::ffff:192.0.2.1", "Agent'; DROP TABLE sessions; --\t\u00e9", device),
                Duration.ofDays(1),
                () -> T0);
        long count = statements(() -> txRun(() -> sessions.add(hostile)));
        assertThat(count).as("INSERT sessions, INSERT its SessionStarted").isEqualTo(2);
        Session found = readTx(() -> sessions.findById(hostile.id())).orElseThrow();
        assertThat(found.deviceInfo()).isEqualTo(device);
        assertThat(found.userAgent()).isEqualTo(hostile.userAgent());
        assertThat(found.tokenHash()).isEqualTo(hostile.tokenHash());
        assertThat(found.expiresAt()).isEqualTo(hostile.expiresAt());
        assertThat(found.version()).isZero();
    }

    @Test
    void ipv6AndNoIpAreStoredAsInet() {
        Session v6 = Session.reconstitute(
                SessionId.newId(),
                owner.id(),
                IdentityFixtures.randomHash(),
                new ClientInfo("2001:db8::1", null, Map.of()),
                T0.plus(DAY),
                null,
                null,
                new AuditStamp(0, T0, T0));
        Session none = Session.reconstitute(
                SessionId.newId(),
                owner.id(),
                IdentityFixtures.randomHash(),
                new ClientInfo(null, null, Map.of()),
                T0.plus(DAY),
                null,
                null,
                new AuditStamp(0, T0, T0));
        txRun(() -> {
            sessions.add(v6);
            sessions.add(none);
        });
        assertSameState(readTx(() -> sessions.findById(v6.id())).orElseThrow(), v6);
        assertSameState(readTx(() -> sessions.findById(none.id())).orElseThrow(), none);
        sql("SELECT 1");
        assertThat(readTx(() -> bean(jakarta.persistence.EntityManager.class)
                        .createNativeQuery(
                                "SELECT pg_typeof(ip_address)::text FROM sessions WHERE id = :id", String.class)
                        .setParameter("id", v6.id().value())
                        .getSingleResult()))
                .isEqualTo("inet");
    }

    @Test
    void sessionOfAnUnknownUserIsNotFound() {
        Session orphan = IdentityFixtures.session(UserId.newId(), T0, T0.plus(DAY));
        assertThatThrownBy(() -> tx(() -> sessions.add(orphan))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void findPrincipalJoinsTheUserInOneStatement() {
        Session session = tx(() -> sessions.add(IdentityFixtures.session(owner.id(), T0, T0.plus(DAY))));
        long count = statements(() -> {
            SessionPrincipal principal =
                    readTx(() -> sessions.findPrincipal(session.tokenHash())).orElseThrow();
            assertSameState(principal.session(), session);
            assertThat(principal.role()).isEqualTo(Role.MANAGER);
            assertThat(principal.status()).isEqualTo(UserStatus.ACTIVE);
        });
        assertThat(count).isEqualTo(1);
        assertThat(readTx(() -> sessions.findPrincipal(IdentityFixtures.randomHash())))
                .isEmpty();
    }

    @Test
    void activeSessionsAreUnrevokedUnexpiredNewestFirst() {
        Instant now = T0.plus(Duration.ofHours(5));
        Session old = IdentityFixtures.session(owner.id(), T0, T0.plus(DAY));
        Session newer = IdentityFixtures.session(owner.id(), T0.plusSeconds(60), T0.plus(DAY));
        Session expired = IdentityFixtures.session(owner.id(), T0.plusSeconds(120), T0.plus(Duration.ofHours(1)));
        Session revoked = Session.reconstitute(
                SessionId.newId(),
                owner.id(),
                IdentityFixtures.randomHash(),
                new ClientInfo(null, null, Map.of()),
                T0.plus(DAY),
                null,
                T0.plusSeconds(300),
                new AuditStamp(0, T0.plusSeconds(180), T0.plusSeconds(300)));
        txRun(() -> List.of(old, newer, expired, revoked).forEach(sessions::add));
        assertThat(readTx(() -> sessions.findActiveByUser(owner.id(), now)))
                .extracting(Session::id)
                .containsExactly(newer.id(), old.id());
    }

    @Test
    void revokeAllExceptKeepsOneAndMovesVersions() {
        Instant now = T0.plus(Duration.ofHours(1));
        Session keep = IdentityFixtures.session(owner.id(), T0, T0.plus(DAY));
        Session other1 = IdentityFixtures.session(owner.id(), T0, T0.plus(DAY));
        Session other2 = IdentityFixtures.session(owner.id(), T0, T0.plus(DAY));
        User someoneElse = tx(() -> users.add(IdentityFixtures.bareUser("someone")));
        Session foreign = IdentityFixtures.session(someoneElse.id(), T0, T0.plus(DAY));
        txRun(() -> List.of(keep, other1, other2, foreign).forEach(sessions::add));

        assertThat(tx(() -> sessions.revokeAllExcept(owner.id(), keep.id(), now)))
                .isEqualTo(2);
        assertThat(readTx(() -> sessions.findActiveByUser(owner.id(), now)))
                .extracting(Session::id)
                .containsExactly(keep.id());
        Session revoked = readTx(() -> sessions.findById(other1.id())).orElseThrow();
        assertThat(revoked.revokedAt()).isEqualTo(now);
        assertThat(revoked.version()).isEqualTo(1);
        assertThat(readTx(() -> sessions.findActiveByUser(someoneElse.id(), now)))
                .hasSize(1);

        assertThat(tx(() -> sessions.revokeAllExcept(owner.id(), null, now.plusSeconds(1))))
                .isEqualTo(1);
        assertThat(readTx(() -> sessions.findActiveByUser(owner.id(), now.plusSeconds(2))))
                .isEmpty();
        // revoked sessions keep their first revocation time
        assertThat(readTx(() -> sessions.findById(other1.id())).orElseThrow().revokedAt())
                .isEqualTo(now);
    }

    @Test
    void revokeAllOfRevokesEveryActiveSessionOfTheGivenUsersOnly() {
        Instant now = T0.plus(Duration.ofHours(1));
        User second = tx(() -> users.add(IdentityFixtures.bareUser("second")));
        User bystander = tx(() -> users.add(IdentityFixtures.bareUser("bystander")));
        Session a = IdentityFixtures.session(owner.id(), T0, T0.plus(DAY));
        Session b = IdentityFixtures.session(second.id(), T0, T0.plus(DAY));
        Session c = IdentityFixtures.session(bystander.id(), T0, T0.plus(DAY));
        txRun(() -> List.of(a, b, c).forEach(sessions::add));

        assertThat(tx(() -> sessions.revokeAllOf(List.of(owner.id(), second.id()), now)))
                .isEqualTo(2);
        assertThat(readTx(() -> sessions.findActiveByUser(owner.id(), now))).isEmpty();
        assertThat(readTx(() -> sessions.findActiveByUser(second.id(), now))).isEmpty();
        assertThat(readTx(() -> sessions.findActiveByUser(bystander.id(), now)))
                .extracting(Session::id)
                .containsExactly(c.id());
        Session revoked = readTx(() -> sessions.findById(b.id())).orElseThrow();
        assertThat(revoked.revokedAt()).isEqualTo(now);
        assertThat(revoked.updatedAt()).isEqualTo(now);
    }

    @Test
    void saveRevokesWithAVersionCheck() {
        Session session = tx(() -> sessions.add(IdentityFixtures.session(owner.id(), T0, T0.plus(DAY))));
        Session saved = tx(() -> {
            Session loaded = sessions.findById(session.id()).orElseThrow();
            loaded.revoke(() -> T0.plusSeconds(10));
            return sessions.save(loaded);
        });
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.revokedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(saved.isActive(T0.plusSeconds(11))).isFalse();
        assertSameState(readTx(() -> sessions.findById(session.id())).orElseThrow(), saved);

        session.revoke(() -> T0.plusSeconds(20)); // an old copy at version 0
        assertThatThrownBy(() -> tx(() -> sessions.save(session)))
                .isInstanceOfSatisfying(
                        StaleVersionException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(1));
    }

    @Test
    void concurrentSaveIsStale() {
        Session session = tx(() -> sessions.add(IdentityFixtures.session(owner.id(), T0, T0.plus(DAY))));
        HibernateTransactionManager manager = bean(HibernateTransactionManager.class);
        assertThatThrownBy(() -> txRun(() -> {
                    Session mine = sessions.findById(session.id()).orElseThrow();
                    manager.execute(
                            TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
                                Session theirs = sessions.findById(session.id()).orElseThrow();
                                theirs.revoke(() -> T0.plusSeconds(1));
                                return sessions.save(theirs);
                            });
                    mine.revoke(() -> T0.plusSeconds(2));
                    sessions.save(mine);
                }))
                .isInstanceOf(StaleVersionException.class);
        assertThat(readTx(() -> sessions.findById(session.id())).orElseThrow().revokedAt())
                .isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void markSeenOnlyMovesForwardWithoutAVersionBump() {
        Session session = tx(() -> sessions.add(IdentityFixtures.session(owner.id(), T0, T0.plus(DAY))));
        txRun(() -> sessions.markSeen(session.id(), T0.plusSeconds(600)));
        txRun(() -> sessions.markSeen(session.id(), T0.plusSeconds(300))); // older: ignored
        Session seen = readTx(() -> sessions.findById(session.id())).orElseThrow();
        assertThat(seen.lastSeenAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(seen.version()).isZero();
        // a concurrent revoke of the loaded copy still succeeds
        Session revoked = tx(() -> {
            Session loaded = sessions.findById(session.id()).orElseThrow();
            sessions.markSeen(session.id(), T0.plusSeconds(900));
            loaded.revoke(() -> T0.plusSeconds(901));
            return sessions.save(loaded);
        });
        assertThat(revoked.revokedAt()).isEqualTo(T0.plusSeconds(901));
        long count = statements(() -> txRun(() -> sessions.markSeen(session.id(), T0.plusSeconds(1000))));
        assertThat(count).isEqualTo(1);
    }
}
