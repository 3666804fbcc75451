package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.tree.JsonNode;
import io.strata.application.identity.UserPatch;
import io.strata.application.shared.Change;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MergePatchTest {
    /** The patchable fields of a user, as the web adapter declares them. */
    record UserFields(
            String firstName,
            String lastName,
            Set<String> tags,
            Map<String, Object> preferences,
            Role role,
            UserStatus status) {}

    record TypedFields(
            BigDecimal hours,
            BigDecimal exact,
            BigDecimal whole,
            LocalDate due,
            UUID who,
            LocalDate cleared,
            UUID missing) {}

    private static UserPatch userPatch(Map<String, Object> body) {
        return MergePatch.of(body, UserFields.class)
                .build(p -> new UserPatch(
                        p.text("firstName"),
                        p.text("lastName"),
                        p.stringSet("tags"),
                        p.object("preferences"),
                        p.enumValue("role", Role.class),
                        p.enumValue("status", UserStatus.class)));
    }

    @Test
    void absentFieldsStayAbsentAndExplicitNullClears() {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", "Ada");
        body.put("lastName", null);
        UserPatch patch = userPatch(body);
        assertThat(patch.firstName()).isEqualTo(Change.to("Ada"));
        assertThat(patch.lastName().present()).isTrue();
        assertThat(patch.lastName().value()).isNull();
        assertThat(patch.tags().present()).isFalse();
        assertThat(patch.preferences().present()).isFalse();
        assertThat(patch.role().present()).isFalse();
        assertThat(patch.status().present()).isFalse();
    }

    @Test
    void readsTypedValues() {
        UserPatch patch = userPatch(Map.of(
                "tags",
                List.of("a", "b", "a"),
                "preferences",
                Map.of("theme", "dark"),
                "role",
                "manager",
                "status",
                "INACTIVE"));
        assertThat(patch.tags().value()).containsExactly("a", "b");
        assertThat(patch.preferences().value()).containsEntry("theme", "dark");
        assertThat(patch.role().value()).isEqualTo(Role.MANAGER);
        assertThat(patch.status().value()).isEqualTo(UserStatus.INACTIVE);
    }

    @Test
    void fieldsOutsideTheAllowListAreRejectedNamingTheAllowedOnes() {
        for (String forbidden :
                List.of("id", "version", "createdAt", "updatedAt", "email", "passwordHash", "loginCount")) {
            assertThatThrownBy(() -> userPatch(Map.of(forbidden, "x")))
                    .as(forbidden)
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.errors()).singleElement().satisfies(f -> {
                            assertThat(f.field()).isEqualTo(forbidden);
                            assertThat(f.message())
                                    .contains("patchable fields: firstName, lastName, preferences, role, status, tags");
                        });
                    });
        }
    }

    @Test
    void typeErrorsOfEveryFieldAreReportedTogether() {
        assertThatThrownBy(() -> userPatch(
                        Map.of("firstName", 5, "tags", "x", "preferences", List.of(), "role", "KING", "status", true)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(ValidationException.FieldError::field)
                                .containsExactlyInAnyOrder("firstName", "tags", "preferences", "role", "status"));
        assertThatThrownBy(() -> userPatch(Map.of("tags", List.of("ok", 3))))
                .hasMessageContaining("tags: must be an array of strings or null");
        assertThatThrownBy(() -> userPatch(Map.of("role", "KING")))
                .hasMessageContaining("one of ADMIN, MANAGER, USER, GUEST");
    }

    @Test
    void aJsonTreeBodyKeepsExplicitNullsAtEveryLevel() {
        Map<String, JsonNode> prefs = new LinkedHashMap<>();
        prefs.put("lang", JsonNode.nullNode());
        prefs.put("size", JsonNode.createNumberNode(12));
        Map<String, JsonNode> members = new LinkedHashMap<>();
        members.put("lastName", JsonNode.nullNode());
        members.put("tags", JsonNode.createArrayNode(List.of(JsonNode.createStringNode("a"))));
        members.put("preferences", JsonNode.createObjectNode(prefs));
        members.put("status", JsonNode.createStringNode("active"));
        UserPatch patch = MergePatch.of(JsonNode.createObjectNode(members), UserFields.class)
                .build(p -> new UserPatch(
                        p.text("firstName"),
                        p.text("lastName"),
                        p.stringSet("tags"),
                        p.object("preferences"),
                        p.enumValue("role", Role.class),
                        p.enumValue("status", UserStatus.class)));
        assertThat(patch.firstName().present()).isFalse();
        assertThat(patch.lastName()).isEqualTo(Change.to(null));
        assertThat(patch.tags().value()).containsExactly("a");
        assertThat(patch.preferences().value()).containsEntry("lang", null).containsEntry("size", 12);
        assertThat(patch.status().value()).isEqualTo(UserStatus.ACTIVE);

        assertThatThrownBy(() -> MergePatch.of(JsonNode.createArrayNode(List.of()), UserFields.class))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> MergePatch.of((JsonNode) null, UserFields.class))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aMissingBodyIsAValidationError() {
        assertThatThrownBy(() -> MergePatch.of((Map<String, Object>) null, UserFields.class))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void readsDecimalsDatesAndUuidsAndReportsEveryWrongType() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>();
        body.put("hours", 12.25);
        body.put("exact", new BigDecimal("0.10"));
        body.put("whole", 3);
        body.put("due", "2026-03-31");
        body.put("who", id.toString());
        body.put("cleared", null);
        MergePatch patch = MergePatch.of(body, TypedFields.class);
        assertThat(patch.decimal("hours").value()).isEqualByComparingTo("12.25");
        assertThat(patch.decimal("exact").value()).isEqualTo(new BigDecimal("0.10"));
        assertThat(patch.decimal("whole").value()).isEqualByComparingTo("3");
        assertThat(patch.date("due").value()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(patch.uuid("who").value()).isEqualTo(id);
        assertThat(patch.date("cleared")).isEqualTo(Change.to(null));
        assertThat(patch.uuid("missing").present()).isFalse();

        Map<String, Object> wrong = Map.of("hours", "12", "due", "31.03.2026", "who", "not-a-uuid");
        assertThatThrownBy(() -> MergePatch.of(wrong, TypedFields.class)
                        .build(p -> List.of(
                                p.decimal("hours"),
                                p.decimal("exact"),
                                p.decimal("whole"),
                                p.date("due"),
                                p.uuid("who"),
                                p.date("cleared"),
                                p.uuid("missing"))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(ValidationException.FieldError::field)
                                .containsExactlyInAnyOrder("hours", "due", "who"));
    }

    @Test
    void theDeclarationIsWhatIsAcceptedAndWhatTheBuilderMustRead() {
        assertThat(MergePatch.fields(UserFields.class))
                .containsExactly("firstName", "lastName", "tags", "preferences", "role", "status");
        // a builder that leaves a declared field unread, reads an undeclared one or reads one as another type is
        // a programming error, whatever the body holds
        assertThatThrownBy(() -> MergePatch.of(Map.of(), UserFields.class).build(p -> p.text("firstName")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[lastName, preferences, role, status, tags]");
        assertThatThrownBy(() -> MergePatch.of(Map.of(), UserFields.class).text("email"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("declares no field email");
        assertThatThrownBy(() -> MergePatch.of(Map.of(), UserFields.class).text("tags"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tags is declared as");
        assertThatThrownBy(() -> MergePatch.of(Map.of(), UserFields.class).enumValue("role", UserStatus.class))
                .isInstanceOf(IllegalStateException.class);
    }
}
