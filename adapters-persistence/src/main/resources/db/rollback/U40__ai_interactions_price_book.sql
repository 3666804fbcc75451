-- Rollback of V40__ai_interactions_price_book.sql. Not run by Flyway; apply by hand (or `./strata db`) in reverse order.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP TABLE IF EXISTS ai_interactions;
DROP TABLE IF EXISTS ai_model_prices;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '40';
    END IF;
END
$$;
