package io.strata.application.community;

import io.strata.domain.community.ExternalIds;
import io.strata.domain.community.GuildConfig;
import io.strata.domain.community.GuildRepository;
import io.strata.domain.shared.error.ForbiddenException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/**
 * Who may call the community API: a guild's bot, which logs in as a MANAGER user (or an ADMIN). A guild is bound
 * to the user whose request created it; another MANAGER gets 404 for it (as for a guild that does not exist), an
 * ADMIN may act for every guild. The bot has
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

    /** The guild, if the actor may act for it: a guild bound to another bot is as unknown as a missing one. */
    static GuildConfig existingGuild(GuildRepository guilds, Actor actor, long externalId) {
        return guilds.findByExternalId(externalId)
                .filter(guild -> guild.mayBeUsedBy(actor))
                .orElseThrow(() -> new NotFoundException("Guild", externalId));
    }

    /** The guild, created and bound to the actor by its first request; 404 when another bot owns it. */
    static GuildConfig guildFor(GuildRepository guilds, Actor actor, long externalId, Instant now) {
        // the system actor is no user row: a guild it creates is bound to no bot (ADMIN-only)
        UserId bot = actor.isSystem() ? null : actor.userId();
        GuildConfig guild = guilds.getOrCreate(ExternalIds.require("guildId", externalId), bot, now);
        if (!guild.mayBeUsedBy(actor)) {
            throw new NotFoundException("Guild", externalId);
        }
        return guild;
    }
}
