package io.strata.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.EmailVerification;
import io.strata.domain.identity.LoginHistory;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The id lookups behind identity's published {@code UserDirectory}: one statement each. */
class UserLookupsTest extends PostgresTest {
    private static final Instant T0 = IdentityFixtures.T0;
    private UserRepository users;
    private final List<UserId> known = new ArrayList<>();

    @BeforeAll
    void seed() {
        users = bean(UserRepository.class);
        txRun(() -> {
            for (int i = 0; i < 60; i++) {
                known.add(users.add(user(String.format("member%02d", i), UserStatus.ACTIVE, T0))
                        .id());
            }
        });
    }

    @Test
    void existingReturnsTheKnownIdsInOneStatement() {
        UserId unknown = UserId.newId();
        List<UserId> asked = new ArrayList<>(known);
        asked.add(unknown);
        asked.add(known.get(0));
        long count = statements(
                () -> assertThat(readTx(() -> users.existing(asked))).containsExactlyInAnyOrderElementsOf(known));
        assertThat(count).isEqualTo(1);
        assertThat(readTx(() -> users.existing(Set.of(unknown)))).isEmpty();
        assertThat(readTx(() -> users.existing(Set.of(known.get(3))))).containsExactly(known.get(3));
        assertThat(statements(() ->
                        assertThat(readTx(() -> users.existing(List.of()))).isEmpty()))
                .isZero();
    }

    @Test
    void newestActiveGivesActiveUsersNewestFirstInOneStatement() {
        User newest = user("newest", UserStatus.ACTIVE, T0.plusSeconds(20));
        User newer = user("newer", UserStatus.ACTIVE, T0.plusSeconds(10));
        User inactive = user("inactive", UserStatus.INACTIVE, T0.plusSeconds(30));
        txRun(() -> List.of(newest, newer, inactive).forEach(users::add));
        try {
            long count = statements(() -> assertThat(readTx(() -> users.newestActive(3)))
                    .hasSize(3)
                    .startsWith(newest.id(), newer.id())
                    .doesNotContain(inactive.id()));
            assertThat(count).isEqualTo(1);
            assertThat(readTx(() -> users.newestActive(1000))).hasSize(known.size() + 2);
            assertThat(readTx(() -> users.newestActive(0))).isEmpty();
        } finally {
            txRun(() -> List.of(newest, newer, inactive).forEach(u -> IdentityFixtures.delete(users, u.id())));
        }
    }

    @Test
    void refusesToRunOutsideATransaction() {
        assertThatThrownBy(() -> users.existing(Set.of(UserId.newId()))).hasMessageContaining("none is running");
    }

    private static User user(String name, UserStatus status, Instant createdAt) {
        return User.reconstitute(
                UserId.newId(),
                new Email(name + "@example.com"),
                new Username(name),
                null,
                null,
                Role.USER,
                status,
                EmailVerification.NOT_VERIFIED,
                null,
                LoginHistory.NONE,
                Tags.none(),
                Map.of(),
                new AuditStamp(0, createdAt, createdAt));
    }
}
