package io.strata.domain.community;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** A member was first seen in a guild (its row was created by the upsert). */
public record MemberJoined(MemberId memberId, GuildId guildId, long externalUserId, Instant occurredAt)
        implements DomainEvent {}
