package io.strata.domain.shared.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.shared.error.ForbiddenException;
import org.junit.jupiter.api.Test;

/** Who acts: roles and the admin check. */
class ActorTest {

    @Test
    void actorRoles() {
        Actor admin = new Actor(UserId.newId(), Role.ADMIN);
        Actor manager = new Actor(UserId.newId(), Role.MANAGER);
        Actor user = new Actor(UserId.newId(), Role.USER);
        assertThat(admin.isAdmin()).isTrue();
        assertThat(manager.canReadOthers()).isTrue();
        assertThat(manager.isAdmin()).isFalse();
        assertThat(user.canReadOthers()).isFalse();
        assertThat(user.is(user.userId())).isTrue();
        assertThat(Actor.system().isAdmin()).isTrue();
        admin.requireAdmin("seed"); // passes
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> manager.requireAdmin("seed sample users"))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("only an ADMIN may seed sample users");
    }

    @Test
    void onlyTheSystemIsTheSystem() {
        assertThat(Actor.system().isSystem()).isTrue();
        assertThat(new Actor(Actor.system().userId(), Role.ADMIN).isSystem()).isTrue();
        assertThat(new Actor(Actor.system().userId(), Role.USER).isSystem())
                .as("the system's id, not its role")
                .isFalse();
        assertThat(new Actor(UserId.newId(), Role.ADMIN).isSystem()).isFalse();
        assertThat(new Actor(new UserId(new java.util.UUID(0L, 1L)), Role.ADMIN).isSystem())
                .isFalse();
        assertThat(new Actor(new UserId(new java.util.UUID(1L, 0L)), Role.ADMIN).isSystem())
                .isFalse();
    }
}
