package io.strata.application.community;

import io.strata.domain.community.CaseReason;
import io.strata.domain.community.CaseRepository;
import io.strata.domain.community.ExternalIds;
import io.strata.domain.community.GuildRepository;
import io.strata.domain.community.ModerationCase;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;

@Singleton
public class ChangeCaseService implements ChangeCaseUseCase {
    private final GuildRepository guilds;
    private final CaseRepository cases;
    private final Clock clock;

    public ChangeCaseService(GuildRepository guilds, CaseRepository cases, Clock clock) {
        this.guilds = guilds;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ModerationCase resolve(Command command) {
        ModerationCase current = load(command);
        current.requireActive();
        Instant now = clock.now();
        ModerationCase resolved = new ModerationCase(
                current.id(),
                current.guildId(),
                current.number(),
                current.memberId(),
                current.memberExternalId(),
                current.type(),
                current.reason(),
                current.moderatorId(),
                false,
                current.expiresAt(),
                now,
                current.stamp().touchedAt(now));
        return cases.save(resolved, current.version(), null, command.moderatorId());
    }

    @Override
    @Transactional
    public ModerationCase editReason(Command command, String reason) {
        ModerationCase current = load(command);
        String newReason = ModerationCase.reason(reason);
        Instant now = clock.now();
        ModerationCase edited = new ModerationCase(
                current.id(),
                current.guildId(),
                current.number(),
                current.memberId(),
                current.memberExternalId(),
                current.type(),
                newReason,
                current.moderatorId(),
                current.active(),
                current.expiresAt(),
                current.resolvedAt(),
                current.stamp().touchedAt(now));
        return cases.save(
                edited,
                current.version(),
                new CaseReason(0, newReason, command.moderatorId(), now),
                command.moderatorId());
    }

    private ModerationCase load(Command command) {
        CommunityAccess.requireBot(command.actor());
        ExternalIds.require("moderatorId", command.moderatorId());
        var guild = CommunityAccess.existingGuild(guilds, command.actor(), command.guildId());
        ModerationCase current = cases.find(guild.id(), command.number())
                .orElseThrow(() -> new NotFoundException("Case", command.number()));
        if (command.expectedVersion() != null) {
            Versioned.require("Case", command.number(), command.expectedVersion(), current.version());
        }
        return current;
    }
}
