-- Sessions get updated_at like every aggregate (DOMAIN.md): set on start, moved on revocation.
ALTER TABLE sessions ADD COLUMN updated_at timestamptz;
UPDATE sessions SET updated_at = greatest(created_at, coalesce(revoked_at, created_at));
ALTER TABLE sessions ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE sessions ADD CONSTRAINT sessions_updated_at_ck CHECK (updated_at >= created_at);
