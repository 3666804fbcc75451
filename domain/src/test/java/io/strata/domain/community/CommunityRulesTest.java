package io.strata.domain.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The community context's rules without a database: config merge and validation, transfers, cases, balances. */
class CommunityRulesTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UserId BOT = new UserId(UUID.fromString("00000000-0000-0000-0000-0000000000b0"));

    private static List<String> fieldsOf(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.errors().stream()
                    .map(ValidationException.FieldError::field)
                    .toList();
        }
        throw new AssertionError("no validation error");
    }

    private static GuildConfig.Change change(String name, String prefix, Map<String, Object> settings, Long max) {
        return new GuildConfig.Change(name, false, prefix, settings, max);
    }

    @Test
    void aNewGuildStartsWithTheDefaultsAndANullFieldOfAChangeKeepsItsValue() {
        GuildConfig config = GuildConfig.defaults(7, BOT, NOW);
        assertThat(config.prefix()).isEqualTo(GuildConfig.DEFAULT_PREFIX);
        assertThat(config.maxPoints()).isEqualTo(GuildConfig.DEFAULT_MAX_POINTS);
        assertThat(config.settings()).isEmpty();
        assertThat(config.version()).isZero();
        assertThat(fieldsOf(() -> GuildConfig.defaults(0, BOT, NOW))).containsExactly("guildId");

        GuildConfig named = config.change(change("Tux", null, Map.of("lang", "en"), null), NOW.plusSeconds(1));
        assertThat(named.name()).isEqualTo("Tux");
        assertThat(named.prefix()).isEqualTo("!");
        assertThat(named.settings()).containsEntry("lang", "en");
        assertThat(named.maxPoints()).isEqualTo(GuildConfig.DEFAULT_MAX_POINTS);
        assertThat(config.changedFields(named)).containsExactly("name", "settings");

        GuildConfig unchanged = named.change(change(null, null, null, null), NOW.plusSeconds(2));
        assertThat(named.changedFields(unchanged)).isEmpty();
        GuildConfig cleared = named.change(new GuildConfig.Change(null, true, "?", null, 10L), NOW.plusSeconds(3));
        assertThat(cleared.name()).isNull();
        assertThat(named.changedFields(cleared)).containsExactly("name", "prefix", "maxPoints");
    }

    @Test
    void aGuildServesItsBotAndAdminsOnly() {
        GuildConfig config = GuildConfig.defaults(7, BOT, NOW);
        assertThat(config.mayBeUsedBy(new Actor(BOT, Role.MANAGER))).isTrue();
        assertThat(config.mayBeUsedBy(new Actor(new UserId(UUID.randomUUID()), Role.MANAGER)))
                .isFalse();
        assertThat(config.mayBeUsedBy(new Actor(new UserId(UUID.randomUUID()), Role.ADMIN)))
                .isTrue();
        GuildConfig unbound = GuildConfig.defaults(7, null, NOW);
        assertThat(unbound.mayBeUsedBy(new Actor(BOT, Role.MANAGER))).isFalse();
        assertThat(unbound.mayBeUsedBy(Actor.system())).isTrue();
        assertThat(config.change(change("n", null, null, null), NOW).botUserId())
                .isEqualTo(BOT);
    }

    @Test
    void aChangeIsValidated() {
        GuildConfig config = GuildConfig.defaults(7, BOT, NOW);
        assertThat(fieldsOf(() -> config.change(change(null, "", null, null), NOW)))
                .contains("prefix");
        assertThat(fieldsOf(() -> config.change(change(null, "a b", null, null), NOW)))
                .containsExactly("prefix");
        assertThat(fieldsOf(() -> config.change(change(null, "x".repeat(17), null, null), NOW)))
                .containsExactly("prefix");
        assertThat(fieldsOf(() -> config.change(change(null, null, null, 0L), NOW)))
                .containsExactly("maxPoints");
        assertThat(fieldsOf(() -> config.change(change("n".repeat(101), null, null, null), NOW)))
                .containsExactly("name");
        assertThat(fieldsOf(() -> config.change(change("a\u0000b", null, null, null), NOW)))
                .containsExactly("name");
    }

    @Test
    void aTransferRequestMovesAPositiveAmountBetweenTwoDifferentSides() {
        TransferRequest request = new TransferRequest(ID, 1L, 2L, 5, "  thanks ");
        assertThat(request.amount()).isEqualTo(5);
        assertThat(new TransferRequest(ID, null, 2L, 5, null).fromUserId()).isNull(); // an award
        assertThat(new TransferRequest(ID, 1L, null, 5, null).toUserId()).isNull(); // a deduction

        assertThat(fieldsOf(() -> new TransferRequest(null, 1L, 2L, 5, null))).containsExactly("id");
        assertThat(fieldsOf(() -> new TransferRequest(ID, 1L, 2L, 0, null))).containsExactly("amount");
        assertThat(fieldsOf(() -> new TransferRequest(ID, 1L, 2L, -1, null))).containsExactly("amount");
        assertThat(fieldsOf(() -> new TransferRequest(ID, 1L, 2L, TransferRequest.MAX_AMOUNT + 1, null)))
                .containsExactly("amount");
        assertThat(fieldsOf(() -> new TransferRequest(ID, 1L, 1L, 5, null))).containsExactly("to");
        assertThat(fieldsOf(() -> new TransferRequest(ID, null, null, 5, null))).containsExactly("to");
        assertThat(fieldsOf(() -> new TransferRequest(ID, 0L, 2L, 5, null))).containsExactly("from");
        assertThat(fieldsOf(() -> new TransferRequest(ID, 1L, -2L, 5, null))).containsExactly("to");
        assertThat(fieldsOf(() -> new TransferRequest(ID, 1L, 2L, 5, "r".repeat(501))))
                .containsExactly("reason");
    }

    @Test
    void aRetryReplaysTheStoredTransferAndAReusedIdNamesTheFieldsThatDiffer() {
        PointsTransfer stored = new PointsTransfer(
                ID, GuildId.newId(), MemberId.newId(), 1L, MemberId.newId(), 2L, 5, "gift", NOW, 95L, 5L);
        TransferRequest retry = new TransferRequest(ID, 1L, 2L, 5, "gift");
        assertThat(retry.replay(stored)).isSameAs(stored);

        TransferRequest other = new TransferRequest(ID, 2L, 1L, 6, "gift");
        assertThat(other.differencesFrom(stored)).containsExactly("from", "to", "amount");
        assertThatThrownBy(() -> other.replay(stored))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("from, to, amount");
    }

    @Test
    void balancesStayBetweenZeroAndTheCeiling() {
        assertThat(Points.debit(10, 10, 1)).isZero();
        assertThatThrownBy(() -> Points.debit(9, 10, 1))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("insufficient points");
        assertThat(Points.credit(90, 10, 100, 1)).isEqualTo(100);
        assertThatThrownBy(() -> Points.credit(91, 10, 100, 1))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("maximum of 100");
        // no overflow near the top of a long
        assertThatThrownBy(() -> Points.credit(Long.MAX_VALUE - 1, 10, Long.MAX_VALUE, 1))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aCaseExpiresInTheFutureAndIsResolvedOnce() {
        assertThat(ModerationCase.expiresAt(null, NOW)).isNull();
        assertThat(ModerationCase.expiresAt(NOW.plusSeconds(60), NOW)).isEqualTo(NOW.plusSeconds(60));
        assertThat(fieldsOf(() -> ModerationCase.expiresAt(NOW, NOW))).containsExactly("expiresAt");
        assertThat(fieldsOf(() -> ModerationCase.expiresAt(NOW.minusSeconds(1), NOW)))
                .containsExactly("expiresAt");
        assertThat(ModerationCase.reason(null)).isNull();
        assertThat(fieldsOf(() -> ModerationCase.reason("r".repeat(ModerationCase.MAX_REASON + 1))))
                .containsExactly("reason");

        ModerationCase open = moderationCase(true);
        open.requireActive();
        assertThatThrownBy(() -> moderationCase(false).requireActive())
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("resolved already");
        assertThat(CaseOpened.of(open).number()).isEqualTo(3);
        assertThat(CaseOpened.of(open).memberUserId()).isEqualTo(11);
    }

    private static ModerationCase moderationCase(boolean active) {
        return new ModerationCase(
                CaseId.newId(),
                GuildId.newId(),
                3,
                MemberId.newId(),
                11,
                CaseType.WARN,
                "why",
                22,
                active,
                null,
                active ? null : NOW,
                AuditStamp.createdAt(NOW));
    }
}
