package io.strata.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KernelTest {

    @Test
    void pageRequestLimitIsBetween1And200() {
        assertThat(PageRequest.first(200, List.of()).limit()).isEqualTo(200);
        assertThatThrownBy(() -> PageRequest.first(0, List.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("between 1 and 200");
        assertThatThrownBy(() -> PageRequest.first(201, List.of())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new PageRequest(10, "c", 0, List.of(), CountMode.NONE))
                .hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> new PageRequest(10, null, -1, List.of(), CountMode.NONE))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void tagsAreTrimmedSortedDedupedAndBounded() {
        assertThat(Tags.of(List.of(" b", "a", "b ")).values()).containsExactly("a", "b");
        assertThatThrownBy(() -> Tags.of(List.of(" "))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Tags.of(List.of("x".repeat(51)))).hasMessageContaining("longer than 50");
        List<String> many = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "t" + i).toList();
        assertThatThrownBy(() -> Tags.of(many)).hasMessageContaining("at most 50");
        assertThat(Tags.of(Set.of("a")).plus(Set.of("b")).minus(Set.of("a")).values()).containsExactly("b");
    }

    @Test
    void mergePatchFollowsRfc7396() {
        Map<String, Object> target = new HashMap<>();
        target.put("a", "b");
        target.put("c", Map.of("d", "e", "f", "g"));
        Map<String, Object> patch = new HashMap<>();
        patch.put("a", "z");
        Map<String, Object> nested = new HashMap<>();
        nested.put("f", null);
        patch.put("c", nested);
        patch.put("n", List.of(1));
        Map<String, Object> result = JsonMergePatch.apply(target, patch);
        assertThat(result).containsEntry("a", "z").containsEntry("c", Map.of("d", "e")).containsEntry("n", List.of(1));
        Map<String, Object> remove = new HashMap<>();
        remove.put("a", null);
        assertThat(JsonMergePatch.apply(result, remove)).doesNotContainKey("a");
    }

    @Test
    void versionMismatchIsStale() {
        Versioned.require("User", "u1", 3, 3);
        assertThatThrownBy(() -> Versioned.require("User", "u1", 2, 3))
                .isInstanceOf(StaleVersionException.class)
                .hasMessage("User u1 is at version 3, not 2")
                .extracting(e -> ((StaleVersionException) e).currentVersion()).isEqualTo(3L);
    }

    @Test
    void collectorReportsEveryFailure() {
        ValidationCollector checks = new ValidationCollector();
        checks.check(() -> Text.required("a", " ", 5));
        checks.check(() -> Text.optional("b", "toolong", 3));
        assertThat(checks.check(() -> Text.optional("c", " ok ", 3))).isEqualTo("ok");
        assertThat(checks.check("items[1]", () -> Text.required("name", " ", 5))).isNull();
        assertThatThrownBy(checks::throwIfAny).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field)
                        .containsExactly("a", "b", "items[1].name"));
    }

    @Test
    void clockGivesTodayInUtc() {
        Clock lateEvening = () -> java.time.Instant.parse("2026-01-31T23:59:59Z");
        assertThat(lateEvening.today()).isEqualTo(java.time.LocalDate.parse("2026-01-31"));
    }

    @Test
    void actorRoles() {
        Actor admin = new Actor(java.util.UUID.randomUUID(), Role.ADMIN);
        Actor manager = new Actor(java.util.UUID.randomUUID(), Role.MANAGER);
        Actor user = new Actor(java.util.UUID.randomUUID(), Role.USER);
        assertThat(admin.isAdmin()).isTrue();
        assertThat(manager.canReadOthers()).isTrue();
        assertThat(manager.isAdmin()).isFalse();
        assertThat(user.canReadOthers()).isFalse();
        assertThat(user.is(user.userId())).isTrue();
        assertThat(Actor.system().isAdmin()).isTrue();
        admin.requireAdmin("seed");   // passes
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> manager.requireAdmin("seed sample users"))
                .isInstanceOf(ForbiddenException.class).hasMessage("only an ADMIN may seed sample users");
    }

    @Test
    void exceptionCodesAreStable() {
        assertThat(new NotFoundException("User", 1).code()).isEqualTo("not-found");
        assertThat(new ConflictException("x").code()).isEqualTo("conflict");
        assertThat(new ForbiddenException("x").code()).isEqualTo("forbidden");
        assertThat(new UnauthenticatedException("x").code()).isEqualTo("unauthenticated");
        assertThat(new ThrottledException("x", 5).retryAfterSeconds()).isEqualTo(5);
        assertThat(new PreconditionRequiredException("x").code()).isEqualTo("precondition-required");
        assertThat(new ValidationException("f", "m").code()).isEqualTo("validation");
    }
}
