package io.strata.domain.community;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import java.time.Instant;
import java.util.Optional;

@OutboundPort
public interface MemberRepository {
    /** Inserts the member, or renames the existing one of that (guild, external user id): one statement. */
    Member upsert(GuildId guildId, long externalUserId, String username, Instant now);

    Optional<Member> find(GuildId guildId, long externalUserId);

    /** messageCount + 1 and lastActiveAt, in one UPDATE (exact under concurrency); empty when no such member. */
    Optional<Member> recordActivity(GuildId guildId, long externalUserId, Instant now);

    Page<Member> search(GuildId guildId, SearchCriteria criteria, PageRequest page);

    /** The member and all its cases, in one query. */
    Optional<MemberWithCases> findWithCases(GuildId guildId, long externalUserId);
}
