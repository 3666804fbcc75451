-- plugins: the plugin registry (install as an upsert by slug) and each plugin's security-violation ledger.

-- A plugin. id is the aggregate id (events are numbered per id); slug is the name installers use, unique.
-- plugin_version is the installed release's semantic version (version is the optimistic-lock counter).
CREATE TABLE plugins (
    id                uuid         PRIMARY KEY,
    version           bigint       NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    slug              text         NOT NULL,
    name              text         NOT NULL,
    plugin_version    text         NOT NULL,
    description       text,
    author            text,
    type              text         NOT NULL,
    repository_url    text,
    install_path      text,
    manifest          jsonb        NOT NULL DEFAULT '{}',
    permissions       text[]       NOT NULL DEFAULT '{}',
    config            jsonb        NOT NULL DEFAULT '{}',
    status            text         NOT NULL,
    disabled_by_score boolean      NOT NULL DEFAULT false,
    security_score    integer      NOT NULL,
    installed_at      timestamptz  NOT NULL,
    last_updated      timestamptz,
    installation_id   text,
    search_text       text GENERATED ALWAYS AS (lower(slug || ' ' || name || ' ' || coalesce(description, ''))) STORED,
    CONSTRAINT plugins_slug_uk UNIQUE (slug),
    CONSTRAINT plugins_slug_ck CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
    CONSTRAINT plugins_name_ck CHECK (length(name) BETWEEN 1 AND 200),
    CONSTRAINT plugins_plugin_version_ck CHECK (length(plugin_version) BETWEEN 5 AND 100),
    CONSTRAINT plugins_type_ck CHECK (type IN ('UI', 'DATA', 'INTEGRATION', 'AUTOMATION')),
    CONSTRAINT plugins_status_ck CHECK (status IN ('INSTALLED', 'ACTIVE', 'DISABLED', 'ERROR')),
    CONSTRAINT plugins_disabled_by_score_ck CHECK (NOT disabled_by_score OR status = 'DISABLED'),
    CONSTRAINT plugins_security_score_ck CHECK (security_score BETWEEN 0 AND 100),
    CONSTRAINT plugins_manifest_ck CHECK (jsonb_typeof(manifest) = 'object'),
    CONSTRAINT plugins_config_ck CHECK (jsonb_typeof(config) = 'object'),
    CONSTRAINT plugins_permissions_ck CHECK (cardinality(permissions) <= 100)
);
-- keyset pages: one index per sortable key
CREATE INDEX plugins_slug_id_ix ON plugins (slug, id);
CREATE INDEX plugins_name_ix ON plugins (name, id);
CREATE INDEX plugins_security_score_ix ON plugins (security_score, id);
CREATE INDEX plugins_installed_at_ix ON plugins (installed_at, id);
CREATE INDEX plugins_created_at_ix ON plugins (created_at, id);
CREATE INDEX plugins_updated_at_ix ON plugins (updated_at, id);
-- config=cs.{...} (config @> ?) and permissions=cs.{...} (permissions @> ?)
CREATE INDEX plugins_config_gin_ix ON plugins USING gin (config jsonb_path_ops);
CREATE INDEX plugins_permissions_gin_ix ON plugins USING gin (permissions);
CREATE INDEX plugins_search_text_trgm_ix ON plugins USING gin (search_text gin_trgm_ops);

-- The ledger: one row per finding, never changed except by its one dismissal (the trigger below), removed only
-- with its plugin (uninstall). recorded_by and dismissed_by are user ids kept as the audit says them, without a
-- foreign key: the audit outlives the user.
CREATE TABLE plugin_security_violations (
    id              uuid         PRIMARY KEY,
    plugin_id       uuid         NOT NULL,
    plugin_version  text         NOT NULL,
    check_name      text         NOT NULL,
    severity        text         NOT NULL,
    evidence        text,
    recorded_at     timestamptz  NOT NULL,
    recorded_by     uuid,
    dismissed_at    timestamptz,
    dismissed_by    uuid,
    dismiss_reason  text,
    CONSTRAINT plugin_security_violations_plugin_fk FOREIGN KEY (plugin_id) REFERENCES plugins (id) ON DELETE CASCADE,
    CONSTRAINT plugin_security_violations_severity_ck CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    CONSTRAINT plugin_security_violations_check_ck CHECK (length(check_name) BETWEEN 1 AND 100),
    CONSTRAINT plugin_security_violations_dismissal_ck CHECK (
        (dismissed_at IS NULL AND dismissed_by IS NULL AND dismiss_reason IS NULL)
        OR (dismissed_at IS NOT NULL AND dismissed_by IS NOT NULL AND dismiss_reason IS NOT NULL))
);
CREATE INDEX plugin_security_violations_plugin_ix ON plugin_security_violations (plugin_id, recorded_at, id);

CREATE FUNCTION plugin_security_violations_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- only with the plugin (ON DELETE CASCADE runs after the plugin row is gone)
        IF EXISTS (SELECT 1 FROM plugins p WHERE p.id = OLD.plugin_id) THEN
            RAISE EXCEPTION 'security violations are a ledger: they go only with their plugin'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'plugin_security_violations_ledger_ck';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.dismissed_at IS NOT NULL
            OR NEW.id <> OLD.id OR NEW.plugin_id <> OLD.plugin_id OR NEW.plugin_version <> OLD.plugin_version
            OR NEW.check_name <> OLD.check_name OR NEW.severity <> OLD.severity
            OR NEW.evidence IS DISTINCT FROM OLD.evidence OR NEW.recorded_at <> OLD.recorded_at
            OR NEW.recorded_by IS DISTINCT FROM OLD.recorded_by THEN
        RAISE EXCEPTION 'security violations are a ledger: only a first dismissal may be recorded'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'plugin_security_violations_ledger_ck';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER plugin_security_violations_ledger BEFORE UPDATE OR DELETE ON plugin_security_violations
    FOR EACH ROW EXECUTE FUNCTION plugin_security_violations_immutable();

-- Row-level security: the registry is for ADMINs and MANAGERs (and SYSTEM); nobody else sees a row.
ALTER TABLE plugins ENABLE ROW LEVEL SECURITY;
ALTER TABLE plugins FORCE ROW LEVEL SECURITY;
CREATE POLICY plugins_operators ON plugins
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN', 'MANAGER'));
ALTER TABLE plugin_security_violations ENABLE ROW LEVEL SECURITY;
ALTER TABLE plugin_security_violations FORCE ROW LEVEL SECURITY;
CREATE POLICY plugin_security_violations_operators ON plugin_security_violations
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN', 'MANAGER'));
