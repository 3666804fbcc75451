package io.strata.adapters.persistence.community;

import io.strata.domain.community.CaseId;
import io.strata.domain.community.CaseType;
import io.strata.domain.community.GuildId;
import io.strata.domain.community.Member;
import io.strata.domain.community.MemberId;
import io.strata.domain.community.ModerationCase;
import io.strata.domain.shared.model.AuditStamp;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Rows (JPA entities or result sets) to domain records; each column is read once, by name. */
final class CommunityRows {
    static final String MEMBER_COLUMNS = "m.id, m.guild_id, m.external_user_id, m.username, m.points, "
            + "m.message_count, m.last_active_at, m.active, m.version, m.created_at, m.updated_at";
    static final String CASE_COLUMNS = "c.id AS case_id, c.guild_id AS case_guild_id, c.number, c.member_id, "
            + "c.member_external_id, c.type, c.reason, c.moderator_external_id, c.active AS case_active, "
            + "c.expires_at, c.resolved_at, c.version AS case_version, c.created_at AS case_created_at, "
            + "c.updated_at AS case_updated_at";

    private CommunityRows() {}

    static Member member(MemberJpaEntity e) {
        return new Member(
                new MemberId(e.getId()),
                new GuildId(e.getGuildId()),
                e.getExternalUserId(),
                e.getUsername(),
                e.getPoints(),
                e.getMessageCount(),
                e.getLastActiveAt(),
                e.isActive(),
                new AuditStamp(e.getVersion(), e.getCreatedAt(), e.getUpdatedAt()));
    }

    static Member member(ResultSet row) throws SQLException {
        return new Member(
                new MemberId(row.getObject("id", UUID.class)),
                new GuildId(row.getObject("guild_id", UUID.class)),
                row.getLong("external_user_id"),
                row.getString("username"),
                row.getLong("points"),
                row.getLong("message_count"),
                CommunityJdbc.instant(row, "last_active_at"),
                row.getBoolean("active"),
                new AuditStamp(
                        row.getLong("version"),
                        CommunityJdbc.instant(row, "created_at"),
                        CommunityJdbc.instant(row, "updated_at")));
    }

    static ModerationCase moderationCase(CaseJpaEntity e) {
        return new ModerationCase(
                new CaseId(e.getId()),
                new GuildId(e.getGuildId()),
                e.getNumber(),
                new MemberId(e.getMemberId()),
                e.getMemberExternalId(),
                CaseType.valueOf(e.getType()),
                e.getReason(),
                e.getModeratorExternalId(),
                e.isActive(),
                e.getExpiresAt(),
                e.getResolvedAt(),
                new AuditStamp(e.getVersion(), e.getCreatedAt(), e.getUpdatedAt()));
    }

    /** A case from {@link #CASE_COLUMNS} (aliased so it can share a row with a member). */
    static ModerationCase moderationCase(ResultSet row) throws SQLException {
        return new ModerationCase(
                new CaseId(row.getObject("case_id", UUID.class)),
                new GuildId(row.getObject("case_guild_id", UUID.class)),
                row.getLong("number"),
                new MemberId(row.getObject("member_id", UUID.class)),
                row.getLong("member_external_id"),
                CaseType.valueOf(row.getString("type")),
                row.getString("reason"),
                row.getLong("moderator_external_id"),
                row.getBoolean("case_active"),
                CommunityJdbc.instant(row, "expires_at"),
                CommunityJdbc.instant(row, "resolved_at"),
                new AuditStamp(
                        row.getLong("case_version"),
                        CommunityJdbc.instant(row, "case_created_at"),
                        CommunityJdbc.instant(row, "case_updated_at")));
    }
}
