package io.strata.adapters.web.community;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.community.CaseId;
import io.strata.domain.community.CaseReason;
import io.strata.domain.community.CaseType;
import io.strata.domain.community.GuildConfig;
import io.strata.domain.community.GuildId;
import io.strata.domain.community.Member;
import io.strata.domain.community.MemberId;
import io.strata.domain.community.MemberWithCases;
import io.strata.domain.community.ModerationCase;
import io.strata.domain.community.PointsTransfer;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Domain to response keeps every field clients see, under the chat platform's ids; our uuids stay inside. */
class CommunityWebMapperTest {
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static final AuditStamp STAMP = new AuditStamp(3, T0, T0.plusSeconds(5));
    private final CommunityWebMapper mapper = new CommunityWebMapperImpl();

    @Test
    void guildConfigKeepsEveryField() {
        GuildConfig config = new GuildConfig(
                GuildId.newId(), 77, "Tux", "?", Map.of("lang", "en"), 500, new UserId(UUID.randomUUID()), STAMP);
        assertThat(mapper.toResponse(config))
                .isEqualTo(
                        new GuildConfigResponse(77, "Tux", "?", Map.of("lang", "en"), 500, 3, T0, T0.plusSeconds(5)));
    }

    @Test
    void memberWithAndWithoutCasesKeepsEveryField() {
        Member member = new Member(MemberId.newId(), GuildId.newId(), 11, "tux", 40, 9, T0.plusSeconds(1), true, STAMP);
        MemberResponse plain = mapper.toResponse(member);
        assertThat(plain)
                .isEqualTo(
                        new MemberResponse(11, "tux", 40, 9, T0.plusSeconds(1), true, 3, T0, T0.plusSeconds(5), null));

        ModerationCase moderationCase = moderationCase(member);
        MemberResponse withCases = mapper.toResponse(new MemberWithCases(member, List.of(moderationCase)));
        assertThat(withCases.cases()).containsExactly(mapper.toResponse(moderationCase));
        assertThat(withCases.userId()).isEqualTo(11);
    }

    @Test
    void caseKeepsEveryField() {
        Member member = new Member(MemberId.newId(), GuildId.newId(), 11, "tux", 0, 0, null, true, STAMP);
        assertThat(mapper.toResponse(moderationCase(member)))
                .isEqualTo(new CaseResponse(
                        4,
                        11,
                        CaseType.BAN,
                        "raid",
                        22,
                        false,
                        T0.plusSeconds(60),
                        T0.plusSeconds(30),
                        3,
                        T0,
                        T0.plusSeconds(5)));
        assertThat(mapper.toResponse(new CaseReason(2, "raid", 22, T0)))
                .isEqualTo(new CaseReasonResponse(2, "raid", 22, T0));
    }

    @Test
    void transferKeepsBothSidesAndBalances() {
        UUID id = UUID.randomUUID();
        PointsTransfer transfer =
                new PointsTransfer(id, GuildId.newId(), MemberId.newId(), 11L, null, null, 5, "fine", T0, 35L, null);
        assertThat(mapper.toResponse(transfer))
                .isEqualTo(new TransferResponse(id, 11L, null, 5, "fine", T0, 35L, null));
    }

    private static ModerationCase moderationCase(Member member) {
        return new ModerationCase(
                CaseId.newId(),
                member.guildId(),
                4,
                member.id(),
                member.externalUserId(),
                CaseType.BAN,
                "raid",
                22,
                false,
                T0.plusSeconds(60),
                T0.plusSeconds(30),
                STAMP);
    }
}
