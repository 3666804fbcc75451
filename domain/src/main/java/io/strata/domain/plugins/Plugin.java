package io.strata.domain.plugins;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.value.JsonMergePatch;
import io.strata.domain.shared.value.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An installed plugin: its slug (unique; install is an upsert by slug), its current release (name, semantic
 * version, manifest, permissions, ...), its config (a JSON object changed by merge patch), its status and its
 * security score, recomputed from the undismissed violations of its ledger ({@link SecurityScore}). A score at
 * or below the configured threshold disables the plugin; it can be enabled again only once its score is above.
 */
public final class Plugin extends AggregateRoot {
    public static final int MAX_INSTALLATION_ID = 200;

    private final PluginId id;
    private final PluginSlug slug;
    private PluginRelease release;
    private Map<String, Object> config;
    private PluginStatus status;
    private boolean disabledByScore;
    private int securityScore;
    private final Instant installedAt;
    private Instant lastUpdated;
    private final String installationId;
    private AuditStamp stamp;

    private Plugin(
            PluginId id,
            PluginSlug slug,
            PluginRelease release,
            Map<String, Object> config,
            PluginStatus status,
            boolean disabledByScore,
            int securityScore,
            Instant installedAt,
            Instant lastUpdated,
            String installationId,
            AuditStamp stamp) {
        this.id = id;
        this.slug = slug;
        this.release = release;
        this.config = config;
        this.status = status;
        this.disabledByScore = disabledByScore;
        this.securityScore = securityScore;
        this.installedAt = installedAt;
        this.lastUpdated = lastUpdated;
        this.installationId = installationId;
        this.stamp = stamp;
    }

    /** A first install: status INSTALLED, score 100 (an empty ledger). */
    public static Plugin install(
            PluginSlug slug, PluginRelease release, Map<String, Object> config, String installationId, Clock clock) {
        if (slug == null) {
            throw new ValidationException("slug", "is required");
        }
        if (release == null) {
            throw new ValidationException(null, "the release is required");
        }
        Instant now = clock.now();
        Plugin plugin = new Plugin(
                PluginId.newId(),
                slug,
                release,
                PluginRelease.jsonObject("config", config),
                PluginStatus.INSTALLED,
                false,
                SecurityScore.MAX,
                now,
                null,
                Text.optional("installationId", installationId, MAX_INSTALLATION_ID),
                AuditStamp.createdAt(now));
        plugin.record(new PluginInstalled(
                plugin.id,
                slug.value(),
                release.name(),
                release.version(),
                release.type(),
                release.permissions(),
                now));
        return plugin;
    }

    public static Plugin reconstitute(
            PluginId id,
            PluginSlug slug,
            PluginRelease release,
            Map<String, Object> config,
            PluginStatus status,
            boolean disabledByScore,
            int securityScore,
            Instant installedAt,
            Instant lastUpdated,
            String installationId,
            AuditStamp stamp) {
        return new Plugin(
                id,
                slug,
                release,
                config,
                status,
                disabledByScore,
                securityScore,
                installedAt,
                lastUpdated,
                installationId,
                stamp);
    }

    /**
     * A re-install: the release (version, description, manifest, permissions, ...) is replaced; the config is
     * kept unless {@code config} is given (then it replaces it whole). Nothing that is equal records an event.
     */
    public void reinstall(PluginRelease next, Map<String, Object> nextConfig, Clock clock) {
        if (next == null) {
            throw new ValidationException(null, "the release is required");
        }
        List<String> changed = new ArrayList<>();
        compare(changed, "name", release.name(), next.name());
        compare(changed, "version", release.version(), next.version());
        compare(changed, "description", release.description(), next.description());
        compare(changed, "author", release.author(), next.author());
        compare(changed, "type", release.type(), next.type());
        compare(changed, "repositoryUrl", release.repositoryUrl(), next.repositoryUrl());
        compare(changed, "installPath", release.installPath(), next.installPath());
        compare(changed, "manifest", release.manifest(), next.manifest());
        compare(changed, "permissions", release.permissions(), next.permissions());
        Map<String, Object> checkedConfig =
                nextConfig == null ? config : PluginRelease.jsonObject("config", nextConfig);
        compare(changed, "config", config, checkedConfig);
        if (changed.isEmpty()) {
            return;
        }
        String previous = release.version();
        release = next;
        config = checkedConfig;
        touch(clock);
        record(new PluginUpdated(id, slug.value(), previous, next.version(), changed, clock.now()));
    }

    /**
     * Applies an RFC 7396 merge patch to the config, deeply ({@link JsonMergePatch}); a {@code null} patch (the
     * plugin's patch said {@code "config": null}) clears it to an empty object.
     */
    public void patchConfig(Map<String, Object> patch, Clock clock) {
        Map<String, Object> next =
                patch == null ? Map.of() : PluginRelease.jsonObject("config", JsonMergePatch.apply(config, patch));
        if (next.equals(config)) {
            return;
        }
        config = next;
        touch(clock);
        record(new PluginUpdated(
                id, slug.value(), release.version(), release.version(), List.of("config"), clock.now()));
    }

    /**
     * Turns the plugin on. Refused (409) while its score is at or below {@code threshold}: a plugin disabled by its
     * score comes back only after violations are dismissed.
     */
    public void enable(int threshold, Clock clock) {
        if (securityScore <= threshold) {
            throw new ConflictException("plugin " + slug + " has security score " + securityScore
                    + ", at or below the threshold " + threshold + "; dismiss violations first");
        }
        changeStatus(PluginStatus.ACTIVE, clock);
        disabledByScore = false;
    }

    /** Turns the plugin off by an operator's decision. */
    public void disable(Clock clock) {
        changeStatus(PluginStatus.DISABLED, clock);
        disabledByScore = false;
    }

    /** A new violation is in the ledger: records it and the new score (and disables the plugin at the threshold). */
    public void violationRecorded(SecurityViolation violation, SecurityScore score, int threshold, Clock clock) {
        Objects.requireNonNull(violation, "violation");
        touch(clock);
        securityScore = score.score();
        record(new PluginViolationRecorded(
                id, violation.id(), violation.check(), violation.severity(), securityScore, clock.now()));
        disableAtThreshold(threshold, clock);
    }

    /** A violation was dismissed: the new score. The plugin stays as it is; an operator may enable it again. */
    public void violationDismissed(SecurityViolation violation, SecurityScore score, int threshold, Clock clock) {
        touch(clock);
        securityScore = score.score();
        record(new PluginViolationDismissed(
                id,
                violation.id(),
                violation.dismissal().by(),
                violation.dismissal().reason(),
                securityScore,
                clock.now()));
        disableAtThreshold(threshold, clock);
    }

    /** Records the uninstall; the repository removes the row (and its ledger). */
    public void uninstall(Clock clock) {
        record(new PluginUninstalled(id, slug.value(), release.version(), clock.now()));
    }

    private void disableAtThreshold(int threshold, Clock clock) {
        if (securityScore <= threshold && status != PluginStatus.DISABLED) {
            changeStatus(PluginStatus.DISABLED, clock);
            disabledByScore = true;
            record(new PluginDisabledByScore(id, slug.value(), securityScore, threshold, clock.now()));
        }
    }

    private void changeStatus(PluginStatus next, Clock clock) {
        if (next == status) {
            return;
        }
        PluginStatus previous = status;
        status = next;
        touch(clock);
        record(new PluginStatusChanged(id, slug.value(), previous, next, clock.now()));
    }

    private void touch(Clock clock) {
        lastUpdated = clock.now();
        stamp = stamp.touchedAt(clock.now());
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    public PluginId id() {
        return id;
    }

    public PluginSlug slug() {
        return slug;
    }

    public PluginRelease release() {
        return release;
    }

    public Map<String, Object> config() {
        return config;
    }

    public PluginStatus status() {
        return status;
    }

    public boolean disabledByScore() {
        return disabledByScore;
    }

    public int securityScore() {
        return securityScore;
    }

    public Instant installedAt() {
        return installedAt;
    }

    public Instant lastUpdated() {
        return lastUpdated;
    }

    public String installationId() {
        return installationId;
    }

    public AuditStamp stamp() {
        return stamp;
    }

    /** The optimistic-lock version (the ETag), not the plugin's release version. */
    public long version() {
        return stamp.version();
    }

    /** The installed release's semantic version. */
    public String pluginVersion() {
        return release.version();
    }
}
