package io.strata.application.community;

import io.strata.domain.community.CaseId;
import io.strata.domain.community.CaseRepository;
import io.strata.domain.community.ExternalIds;
import io.strata.domain.community.MemberRepository;
import io.strata.domain.community.ModerationCase;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;

@Singleton
public class OpenCaseService implements OpenCaseUseCase {
    private final io.strata.domain.community.GuildRepository guilds;
    private final MemberRepository members;
    private final CaseRepository cases;
    private final Clock clock;

    public OpenCaseService(
            io.strata.domain.community.GuildRepository guilds,
            MemberRepository members,
            CaseRepository cases,
            Clock clock) {
        this.guilds = guilds;
        this.members = members;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ModerationCase open(Command command) {
        CommunityAccess.requireBot(command.actor());
        if (command.type() == null) {
            throw new ValidationException("type", "is required");
        }
        long moderator = ExternalIds.require("moderatorId", command.moderatorId());
        String reason = ModerationCase.reason(command.reason());
        Instant now = clock.now();
        Instant expiresAt = ModerationCase.expiresAt(command.expiresAt(), now);
        var guild = CommunityAccess.existingGuild(guilds, command.actor(), command.guildId());
        var member = members.find(guild.id(), command.userId())
                .orElseThrow(() -> new NotFoundException("Member", command.userId()));
        long number = cases.nextNumber(guild.id());
        return cases.add(new ModerationCase(
                CaseId.newId(),
                guild.id(),
                number,
                member.id(),
                member.externalUserId(),
                command.type(),
                reason,
                moderator,
                true,
                expiresAt,
                null,
                AuditStamp.createdAt(now)));
    }
}
