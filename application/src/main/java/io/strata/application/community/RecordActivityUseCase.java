package io.strata.application.community;

import io.strata.application.shared.UseCase;
import io.strata.domain.community.Member;
import io.strata.domain.shared.user.Actor;

/** A member wrote a message: messageCount + 1, lastActiveAt = now; exact under any number of concurrent calls. */
@UseCase
public interface RecordActivityUseCase {
    Member recordActivity(Actor actor, long guildId, long userId);
}
