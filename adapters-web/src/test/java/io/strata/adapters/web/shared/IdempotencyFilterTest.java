package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyFilterTest {

    @Test
    void keysAreOneTo255VisibleAsciiCharacters() {
        assertThatCode(() -> IdempotencyFilter.validateKey(UUID.randomUUID().toString()))
                .doesNotThrowAnyException();
        assertThatCode(() -> IdempotencyFilter.validateKey("x".repeat(255))).doesNotThrowAnyException();
        for (String bad : new String[] {"", "x".repeat(256), "a b", "caf\u00e9", "tab\there"}) {
            assertThatThrownBy(() -> IdempotencyFilter.validateKey(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("Idempotency-Key"));
        }
    }

    @Test
    void theScopeIsTheCallerAndThePath() {
        HttpRequest<?> anonymous = HttpRequest.POST("/api/v1/users", "{}");
        assertThat(IdempotencyFilter.scope(anonymous)).isEqualTo("anonymous /api/v1/users");
        UUID id = UUID.randomUUID();
        HttpRequest<?> authenticated = HttpRequest.POST("/api/v1/users", "{}");
        RequestActor.authenticate(authenticated, new Actor(new UserId(id), Role.ADMIN), UUID.randomUUID());
        assertThat(IdempotencyFilter.scope(authenticated)).isEqualTo("user:" + id + " /api/v1/users");
    }

    @Test
    void aLongPathIsScopedByItsHashSoTheKeyStaysStorable() {
        String longPath = "/api/v1/projects/" + "a".repeat(300) + "/tasks";
        String scope = IdempotencyFilter.scope(HttpRequest.POST(longPath, "{}"));
        assertThat(scope)
                .startsWith("anonymous sha256:")
                .hasSizeLessThanOrEqualTo(IdempotencyFilter.MAX_SCOPE_LENGTH)
                .isEqualTo(IdempotencyFilter.scope(HttpRequest.POST(longPath, "{}")))
                .isNotEqualTo(IdempotencyFilter.scope(HttpRequest.POST(longPath + "x", "{}")));
    }

    @Test
    void theRequestHashCoversMethodPathAndBody() {
        HttpRequest<?> request = HttpRequest.POST("/api/v1/users", "");
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String hash = IdempotencyFilter.requestHash(request, body);
        assertThat(hash).hasSize(64).isEqualTo(IdempotencyFilter.requestHash(request, body.clone()));
        assertThat(IdempotencyFilter.requestHash(request, "{\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(hash);
        assertThat(IdempotencyFilter.requestHash(HttpRequest.POST("/api/v1/other", ""), body))
                .isNotEqualTo(hash);
    }
}
