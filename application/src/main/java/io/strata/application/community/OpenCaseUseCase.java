package io.strata.application.community;

import io.strata.application.shared.UseCase;
import io.strata.domain.community.CaseType;
import io.strata.domain.community.ModerationCase;
import io.strata.domain.shared.user.Actor;
import java.time.Instant;

/** A moderator opens a case against a member; it gets the guild's next number (no gaps, no duplicates). */
@UseCase
public interface OpenCaseUseCase {
    ModerationCase open(Command command);

    record Command(
            Actor actor,
            long guildId,
            long userId,
            CaseType type,
            String reason,
            long moderatorId,
            Instant expiresAt) {}
}
