package io.strata.application.community;

import io.strata.domain.community.GuildConfig;
import io.strata.domain.community.GuildRepository;
import io.strata.domain.shared.error.ForbiddenException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;

/**
 * Who may call the community API: a guild's bot, which logs in as a MANAGER user (or an ADMIN). The bot has
 * checked the chat platform's permissions before calling: it opens cases and adjusts points only for moderators,
 * and transfers a member's points only on that member's own command. USER and GUEST tokens are refused.
 */
final class CommunityAccess {
    private CommunityAccess() {}

    static void requireBot(Actor actor) {
        if (actor.role() != Role.MANAGER && actor.role() != Role.ADMIN) {
            throw new ForbiddenException("only a guild's bot (a MANAGER) or an ADMIN may use the community API");
        }
    }

    static GuildConfig existingGuild(GuildRepository guilds, long externalId) {
        return guilds.findByExternalId(externalId).orElseThrow(() -> new NotFoundException("Guild", externalId));
    }
}
