-- Rollback of V41__ai_row_level_security.sql. Not run by Flyway; apply by hand (or `./strata db`) in reverse
-- order. Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP POLICY IF EXISTS ai_model_prices_admin ON ai_model_prices;
DROP POLICY IF EXISTS ai_model_prices_read ON ai_model_prices;
ALTER TABLE ai_model_prices NO FORCE ROW LEVEL SECURITY;
ALTER TABLE ai_model_prices DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ai_interactions_owner ON ai_interactions;
ALTER TABLE ai_interactions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE ai_interactions DISABLE ROW LEVEL SECURITY;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '41';
    END IF;
END
$$;
