package io.strata.application.community;

import io.strata.application.shared.UseCase;
import io.strata.domain.community.ModerationCase;
import io.strata.domain.shared.user.Actor;

/** Resolves a case, or edits its reason (the earlier reasons are kept as revisions), at the version read. */
@UseCase
public interface ChangeCaseUseCase {
    ModerationCase resolve(Command command);

    ModerationCase editReason(Command command, String reason);

    record Command(Actor actor, long guildId, long number, Long expectedVersion, long moderatorId) {}
}
