package io.strata.adapters.persistence.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.EmailVerification;
import io.strata.domain.identity.LoginHistory;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.WorkspaceUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkspaceUsersPersistenceAdapterTest extends PostgresTest {
    private WorkspaceUsers workspaceUsers;
    private final List<UserId> known = new ArrayList<>();

    @BeforeAll
    void seed() {
        workspaceUsers = bean(WorkspaceUsers.class);
        UserRepository users = bean(UserRepository.class);
        txRun(() -> {
            for (int i = 0; i < 60; i++) {
                known.add(users.add(WorkspaceFixtures.user(String.format("member%02d", i)))
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
        long count = statements(() ->
                assertThat(readTx(() -> workspaceUsers.existing(asked))).containsExactlyInAnyOrderElementsOf(known));
        assertThat(count).isEqualTo(1);
        assertThat(readTx(() -> workspaceUsers.existing(Set.of(unknown)))).isEmpty();
        assertThat(readTx(() -> workspaceUsers.existing(Set.of(known.get(3))))).containsExactly(known.get(3));
        assertThat(statements(() -> assertThat(readTx(() -> workspaceUsers.existing(List.of())))
                        .isEmpty()))
                .isZero();
    }

    @Test
    void sampleGivesActiveUsersNewestFirstInOneStatement() {
        UserRepository users = bean(UserRepository.class);
        User newest = WorkspaceFixtures.user("newest");
        User newer = WorkspaceFixtures.user("newer");
        User inactive = WorkspaceFixtures.user("inactive");
        inactive.deactivate(() -> WorkspaceFixtures.T0);
        txRun(() -> {
            users.add(reconstitutedAt(newest, WorkspaceFixtures.T0.plusSeconds(20)));
            users.add(reconstitutedAt(newer, WorkspaceFixtures.T0.plusSeconds(10)));
            users.add(reconstitutedAt(inactive, WorkspaceFixtures.T0.plusSeconds(30)));
        });
        try {
            long count = statements(() -> assertThat(readTx(() -> workspaceUsers.sample(3)))
                    .hasSize(3)
                    .startsWith(newest.id(), newer.id())
                    .doesNotContain(inactive.id()));
            assertThat(count).isEqualTo(1);
            assertThat(readTx(() -> workspaceUsers.sample(1000))).hasSize(known.size() + 2);
            assertThat(readTx(() -> workspaceUsers.sample(0))).isEmpty();
        } finally {
            txRun(() -> List.of(newest, newer, inactive)
                    .forEach(u -> users.findById(u.id()).ifPresent(users::delete)));
        }
    }

    private static User reconstitutedAt(User user, java.time.Instant createdAt) {
        return User.reconstitute(
                user.id(),
                user.email(),
                user.username(),
                null,
                null,
                user.role(),
                user.status(),
                EmailVerification.NOT_VERIFIED,
                null,
                LoginHistory.NONE,
                user.tags(),
                user.preferences(),
                new AuditStamp(0, createdAt, createdAt));
    }

    @Test
    void refusesToRunOutsideATransaction() {
        assertThatThrownBy(() -> workspaceUsers.existing(Set.of(UserId.newId())))
                .hasMessageContaining("mandatory");
    }
}
