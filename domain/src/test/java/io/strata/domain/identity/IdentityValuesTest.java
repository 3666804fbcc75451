package io.strata.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.JsonMergePatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityValuesTest {

    @Test
    void emailIsLowerCasedAndTrimmed() {
        assertThat(new Email("  Ada@Example.COM ").value()).isEqualTo("ada@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "plain", "a@b", "a b@c.d", "@c.de", "a@@c.de", "a\u0000@c.de", "a@\uD800c.de"})
    void malformedEmailsAreRejected(String raw) {
        assertThatThrownBy(() -> new Email(raw)).isInstanceOf(ValidationException.class);
    }

    @Test
    void nullEmailIsRejected() {
        assertThatThrownBy(() -> new Email(null)).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a.b-c_d", "x23456789012345678901234567890123456789012345678x"})
    void validUsernames(String raw) {
        assertThat(new Username(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Abc", "a b", "ab!", "x234567890123456789012345678901234567890123456789xx"})
    void invalidUsernames(String raw) {
        assertThatThrownBy(() -> new Username(raw))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("3 to 50");
    }

    @Test
    void passwordPolicyAppliesToNewPasswordsOnly() {
        assertThatThrownBy(() -> Password.newPassword("password", "short")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Password.newPassword("password", "x".repeat(129)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Password.newPassword("password", "         ")).isInstanceOf(ValidationException.class);
        assertThat(Password.newPassword("password", "long enough").reveal()).isEqualTo("long enough");
        assertThat(Password.attempt(null).reveal()).isEmpty();
        assertThat(Password.attempt("secret-value").toString()).doesNotContain("secret");
    }

    @Test
    void bulkChangeNeedsSomethingToChange() {
        assertThatThrownBy(() -> new BulkUserChange(null, null, null, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least one");
        assertThat(new BulkUserChange(UserStatus.INACTIVE, null, null, null)
                        .addTags()
                        .values())
                .isEmpty();
    }

    @Test
    void preferencesMergeKeyByKeyAndNullRemovesAKey() {
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
        assertThat(result)
                .containsEntry("a", "z")
                .containsEntry("c", Map.of("d", "e"))
                .containsEntry("n", List.of(1));
        Map<String, Object> remove = new HashMap<>();
        remove.put("a", null);
        assertThat(JsonMergePatch.apply(result, remove)).doesNotContainKey("a");
    }
}
