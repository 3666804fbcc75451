-- Authentication reads a session and its user's role and status through the platform cache (identity.principal,
-- keyed by the token hash). These triggers announce every change that can alter what authentication decides, on the
-- platform cache's channel, from inside the changing transaction: PostgreSQL delivers them at commit (never on
-- rollback) to every instance, whatever path made the change (the use cases, bulk updates, cascades, raw SQL).
-- The version an entry carries is the session's version plus its user's version: both only grow, so the sum grows
-- with either, and an instance never accepts an older read after a newer announcement. A deleted session, and a
-- change that did not move the row's version (made around the use cases), are announced with the largest version:
-- no instance caches that token again for a while (its requests read the database).
CREATE FUNCTION identity_principal_changed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_TABLE_NAME = 'sessions' THEN
        IF TG_OP = 'DELETE' OR NEW.version = OLD.version THEN
            PERFORM pg_notify('strata_cache', 'identity.principal:9223372036854775807:' || OLD.token_hash);
        ELSE
            PERFORM pg_notify('strata_cache', 'identity.principal:'
                    || (NEW.version + coalesce((SELECT u.version FROM users u WHERE u.id = NEW.user_id), 0))
                    || ':' || NEW.token_hash);
        END IF;
    ELSE
        PERFORM pg_notify('strata_cache', 'identity.principal:'
                || CASE WHEN NEW.version = OLD.version THEN 9223372036854775807 ELSE s.version + NEW.version END
                || ':' || s.token_hash)
        FROM sessions s
        WHERE s.user_id = NEW.id AND s.revoked_at IS NULL AND s.expires_at > now();
    END IF;
    RETURN NULL;
END
$$;

-- lastSeenAt is a hint written without a version bump: it announces nothing.
CREATE TRIGGER sessions_principal_changed AFTER UPDATE ON sessions FOR EACH ROW
    WHEN (OLD.version IS DISTINCT FROM NEW.version OR OLD.token_hash IS DISTINCT FROM NEW.token_hash
          OR OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at)
    EXECUTE FUNCTION identity_principal_changed();
CREATE TRIGGER sessions_principal_deleted AFTER DELETE ON sessions FOR EACH ROW
    EXECUTE FUNCTION identity_principal_changed();
-- Only what authentication reads of a user: its role and its status (a log-in moves the version and changes neither).
CREATE TRIGGER users_principal_changed AFTER UPDATE ON users FOR EACH ROW
    WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION identity_principal_changed();
