package io.strata.adapters.persistence.identity;

import static io.strata.adapters.persistence.identity.IdentityFixtures.T0;
import static io.strata.adapters.persistence.identity.IdentityJpaMappersTest.assertSameState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserProfile;
import io.strata.domain.identity.UserProfileRepository;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.user.UserId;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserProfilePersistenceAdapterTest extends PostgresTest {
    private UserRepository users;
    private UserProfileRepository profiles;
    private User owner;

    @BeforeAll
    void beans() {
        users = bean(UserRepository.class);
        profiles = bean(UserProfileRepository.class);
    }

    @BeforeEach
    void user() {
        sql("DELETE FROM users");
        owner = tx(() -> users.add(IdentityFixtures.bareUser("profiled")));
    }

    @Test
    void addFindAndSave() {
        UserProfile profile = IdentityFixtures.profile(owner.id());
        assertThat(tx(() -> profiles.add(profile))).isSameAs(profile);
        UserProfile found = readTx(() -> profiles.findByUserId(owner.id())).orElseThrow();
        assertSameState(found, profile);
        assertThat(found.preferences()).containsEntry("nothing", null);

        UserProfile saved = tx(() -> {
            UserProfile loaded = profiles.findByUserId(owner.id()).orElseThrow();
            loaded.replace("New bio", null, Map.of("k", Map.of("n", 1)), () -> T0.plusSeconds(60));
            return profiles.save(loaded);
        });
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.avatarUrl()).isNull();
        assertSameState(readTx(() -> profiles.findByUserId(owner.id())).orElseThrow(), saved);
        assertThat(readTx(() -> profiles.findByUserId(UserId.newId()))).isEmpty();
    }

    @Test
    void secondProfileIsAConflictAndUnknownUserNotFound() {
        txRun(() -> profiles.add(IdentityFixtures.profile(owner.id())));
        assertThatThrownBy(() -> tx(() -> profiles.add(IdentityFixtures.profile(owner.id()))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already has a profile");
        assertThatThrownBy(() -> tx(() -> profiles.add(IdentityFixtures.profile(UserId.newId()))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void oldCopyIsStale() {
        UserProfile profile = tx(() -> profiles.add(IdentityFixtures.profile(owner.id())));
        txRun(() -> {
            UserProfile loaded = profiles.findByUserId(owner.id()).orElseThrow();
            loaded.replace("first", null, Map.of(), () -> T0.plusSeconds(1));
            profiles.save(loaded);
        });
        profile.replace("second", null, Map.of(), () -> T0.plusSeconds(2));
        assertThatThrownBy(() -> tx(() -> profiles.save(profile))).isInstanceOf(StaleVersionException.class);
    }
}
