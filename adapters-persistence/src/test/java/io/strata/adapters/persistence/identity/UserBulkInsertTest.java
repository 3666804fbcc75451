package io.strata.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.JdbcCalls;
import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.HashedPassword;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.value.Tags;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link UserRepository#addAll}: the bulk path of {@code strata db seed}. */
class UserBulkInsertTest extends PostgresTest {
    private UserRepository users;
    private UserCredentials credentials;
    private HashedPassword hash;

    @BeforeAll
    void beans() {
        users = bean(UserRepository.class);
        credentials = bean(UserCredentials.class);
        hash = credentials.hash(Password.newPassword("password", "one password for all")); // needs no transaction
    }

    @BeforeEach
    void clean() {
        sql("DELETE FROM users", "DELETE FROM events");
    }

    @Test
    void copiesEveryUserInOneStreamWithoutReadingAny() {
        int rows = 2 * 1024 + 100;
        List<User> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            batch.add(user("bulk" + i));
        }
        statistics().clear();
        Statistics statistics = statistics();
        JdbcCalls calls = tx(() -> {
            JdbcCalls counted = JdbcCalls.attach(bean(EntityManager.class));
            users.addAll(batch, hash);
            return counted;
        });

        // the rows in one COPY (not a statement of Hibernate's): no SELECT to tell new from existing, no INSERT per
        // row or batch; then the users' events, one INSERT per 1024
        assertThat(calls.batches()).isZero();
        assertThat(calls.statements()).isEqualTo(3);
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(3);
        assertThat(statistics.getEntityLoadCount()).isZero();
        assertThat(firstRow("SELECT count(*), count(DISTINCT password_hash), min(password_hash) FROM users"))
                .containsExactly(String.valueOf(rows), "1", ((Argon2UserCredentials.phc(hash))));
        assertThat(firstRow("SELECT count(*), count(DISTINCT aggregate_id), min(sequence), max(sequence) FROM events "
                        + "WHERE event_type = 'identity.UserRegistered'"))
                .containsExactly(String.valueOf(rows), String.valueOf(rows), "1", "1");
        assertThat(readTx(() -> credentials.load(batch.get(rows - 1).id()))
                        .matches(Password.attempt("one password for all")))
                .isTrue();
        assertThat(readTx(() -> users.findById(batch.get(7).id())))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(batch.get(7));
    }

    @Test
    void aCopiedUserReadsBackAsItWasWithEveryCharacterTheTextFormatEscapes() {
        Clock clock = Clock.system();
        User tricky = User.create(
                new Email("tricky@example.com"),
                new Username("tricky"),
                "Tab\tand \\N back\\slash",
                "Quote \" and, comma {brace} \u00e9\u4e2d",
                Role.MANAGER,
                Tags.of(Set.of("a\"b", "c,d", "e\\f", "NULL")),
                Map.of("note", "line\nbreak\ttab \\. end", "nested", Map.of("n", 1, "list", List.of(true, "x"))),
                clock);
        User plain = User.create(
                new Email("plain@example.com"),
                new Username("plain"),
                null,
                null,
                Role.USER,
                Tags.of(Set.of()),
                Map.of(),
                clock);
        txRun(() -> users.addAll(List.of(tricky, plain), hash));

        assertThat(readTx(() -> users.findById(tricky.id())))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(tricky);
        assertThat(readTx(() -> users.findById(plain.id())))
                .get()
                .usingRecursiveComparison()
                .isEqualTo(plain);
        assertThat(firstRow("SELECT first_name, last_name, preferences->>'note' FROM users WHERE username = 'tricky'"))
                .containsExactly(tricky.firstName(), tricky.lastName(), "line\nbreak\ttab \\. end");
    }

    @Test
    void theCopyWritesEveryColumnTheEntityInserts() {
        SessionFactoryImplementor factory = bean(EntityManagerFactory.class).unwrap(SessionFactoryImplementor.class);
        EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(UserJpaEntity.class);
        Set<String> inserted = new TreeSet<>();
        persister
                .getIdentifierMapping()
                .forEachSelectable((i, column) -> inserted.add(column.getSelectionExpression()));
        persister.forEachSelectable((i, column) -> {
            if (column.isInsertable() && !column.isFormula()) {
                inserted.add(column.getSelectionExpression());
            }
        });
        assertThat(new TreeSet<>(UserPersistenceAdapter.COPY_COLUMNS.names())).isEqualTo(inserted);
    }

    @Test
    void aTakenEmailRefusesTheWholeBatch() {
        txRun(() -> users.add(user("taken")));
        List<User> batch = List.of(user("fresh1"), user("taken"), user("fresh2"));

        assertThatThrownBy(() -> txRun(() -> users.addAll(batch, hash)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("email already registered");
        assertThat(readTx(users::count)).isEqualTo(1);
    }

    @Test
    void onlyTakesHashesMadeByTheCredentialsAdapter() {
        HashedPassword forged = new HashedPassword() {};
        assertThatThrownBy(() -> txRun(() -> users.addAll(List.of(user("forged")), forged)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(hash.toString()).doesNotContain("argon2");
    }

    private static User user(String name) {
        Clock clock = Clock.system();
        return User.create(
                new Email(name + "@example.com"),
                new Username(name),
                "Ada",
                "Lovelace",
                Role.USER,
                Tags.of(Set.of("bulk")),
                Map.of("theme", "dark"),
                clock);
    }

    private List<String> firstRow(String select) {
        try (Connection connection = io.strata.adapters.persistence.testing.TestPostgres.connect(url);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(select)) {
            rs.next();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getString(i));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
