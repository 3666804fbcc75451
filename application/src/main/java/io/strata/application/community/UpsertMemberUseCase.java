package io.strata.application.community;

import io.strata.application.shared.UseCase;
import io.strata.domain.community.Member;
import io.strata.domain.shared.user.Actor;

/** Adds a member by (guild, external user id), or renames the existing one; the guild is created if new. */
@UseCase
public interface UpsertMemberUseCase {
    Member upsert(Actor actor, long guildId, long userId, String username);
}
