package io.strata.adapters.persistence.community;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PlainReads;
import io.strata.adapters.persistence.shared.cache.PlatformCaches;
import io.strata.adapters.persistence.shared.cache.VersionedCache;
import io.strata.domain.community.GuildConfig;
import io.strata.domain.community.GuildConfigChanged;
import io.strata.domain.community.GuildId;
import io.strata.domain.community.GuildRepository;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Guild configs: read through the platform cache (the bot reads its config on every command), created with
 * {@code INSERT ... ON CONFLICT DO NOTHING} (a lost race is no error and does not abort the transaction), updated
 * at the expected version with an invalidation that every instance receives at commit.
 */
@Singleton
@JoinsTransaction
public class GuildPersistenceAdapter implements GuildRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final String COLUMNS =
            "id, external_id, name, prefix, settings::text AS settings, max_points, bot_user_id, version, created_at, "
                    + "updated_at";

    private final EntityManager entityManager;
    private final VersionedCache<Long, GuildConfig> cache;

    public GuildPersistenceAdapter(EntityManager entityManager, PlatformCaches caches) {
        this.entityManager = entityManager;
        this.cache = caches.create("community.guild", 10_000, Duration.ofMinutes(30));
    }

    @Override
    public GuildConfig getOrCreate(long externalId, UserId botUserId, Instant now) {
        Optional<GuildConfig> existing = findByExternalId(externalId);
        if (existing.isPresent()) {
            return existing.get();
        }
        GuildConfig defaults = GuildConfig.defaults(externalId, botUserId, now);
        int inserted = CommunityJdbc.update(
                entityManager,
                "INSERT INTO community_guilds (id, external_id, name, prefix, settings, max_points, bot_user_id, "
                        + "version, created_at, updated_at) VALUES (?, ?, NULL, ?, '{}'::jsonb, ?, ?, 0, ?, ?) "
                        + "ON CONFLICT (external_id) DO NOTHING",
                s -> {
                    s.setObject(1, defaults.id().value());
                    s.setLong(2, externalId);
                    s.setString(3, defaults.prefix());
                    s.setLong(4, defaults.maxPoints());
                    s.setObject(5, botUserId == null ? null : botUserId.value(), Types.OTHER);
                    PlainReads.setInstant(s, 6, now);
                    PlainReads.setInstant(s, 7, now);
                });
        if (inserted == 1) {
            return defaults; // not cached: uncommitted until this transaction ends
        }
        // another request created it and committed (ON CONFLICT waited for it)
        return findByExternalId(externalId).orElseThrow();
    }

    @Override
    public Optional<GuildConfig> findByExternalId(long externalId) {
        return cache.get(
                externalId,
                () -> load(externalId)
                        .map(g -> VersionedCache.Loaded.of(g, g.version()))
                        .orElseGet(VersionedCache.Loaded::absent));
    }

    private Optional<GuildConfig> load(long externalId) {
        List<GuildConfig> rows = CommunityJdbc.query(
                entityManager,
                "SELECT " + COLUMNS + " FROM community_guilds WHERE external_id = ?",
                s -> s.setLong(1, externalId),
                GuildPersistenceAdapter::config);
        return rows.stream().findFirst();
    }

    @Override
    public GuildConfig save(GuildConfig changed, long expectedVersion, List<String> changedFields) {
        long next = expectedVersion + 1;
        int updated = CommunityJdbc.update(
                entityManager,
                "UPDATE community_guilds SET name = ?, prefix = ?, settings = ?::jsonb, max_points = ?, "
                        + "version = ?, updated_at = ? WHERE id = ? AND version = ?",
                s -> {
                    s.setString(1, changed.name());
                    s.setString(2, changed.prefix());
                    s.setObject(3, json(changed.settings()), Types.VARCHAR);
                    s.setLong(4, changed.maxPoints());
                    s.setLong(5, next);
                    PlainReads.setInstant(s, 6, changed.stamp().updatedAt());
                    s.setObject(7, changed.id().value());
                    s.setLong(8, expectedVersion);
                });
        if (updated == 0) {
            long committed =
                    load(changed.externalId()).map(GuildConfig::version).orElse(-1L);
            throw new StaleVersionException("Guild", changed.externalId(), expectedVersion, committed);
        }
        cache.invalidate(entityManager, changed.externalId(), next);
        if (!changedFields.isEmpty()) {
            // the UPDATE above locked the guild's row: the outbox may count on from its last event
            AggregateWrites.appendEvents(
                    entityManager,
                    GuildConfig.class,
                    Map.of(
                            changed.id().value(),
                            List.of(new GuildConfigChanged(
                                    changed.id(),
                                    changed.externalId(),
                                    changedFields,
                                    next,
                                    changed.stamp().updatedAt()))));
        }
        return new GuildConfig(
                changed.id(),
                changed.externalId(),
                changed.name(),
                changed.prefix(),
                changed.settings(),
                changed.maxPoints(),
                changed.botUserId(),
                new AuditStamp(
                        next, changed.stamp().createdAt(), changed.stamp().updatedAt()));
    }

    private static GuildConfig config(ResultSet row) throws SQLException {
        Map<String, Object> settings;
        try {
            settings = JSON.readValue(row.getString("settings"), OBJECT);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable settings", e);
        }
        UUID bot = row.getObject("bot_user_id", UUID.class);
        return new GuildConfig(
                new GuildId(row.getObject("id", UUID.class)),
                row.getLong("external_id"),
                row.getString("name"),
                row.getString("prefix"),
                settings,
                row.getLong("max_points"),
                bot == null ? null : new UserId(bot),
                new AuditStamp(
                        row.getLong("version"),
                        CommunityJdbc.instant(row, "created_at"),
                        CommunityJdbc.instant(row, "updated_at")));
    }

    private static String json(Map<String, Object> value) throws SQLException {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("settings cannot be written as JSON", e);
        }
    }
}
