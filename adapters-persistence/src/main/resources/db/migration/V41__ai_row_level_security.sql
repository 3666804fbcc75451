-- ai: row-level security (the pattern and the settings: V60__platform_row_level_security.sql). The rules are
-- those of AiInteractionQueryService and ManagePriceBookService.

-- ai_interactions: the user's own (prompts are personal data); ADMIN (reports, repricing) and SYSTEM all.
ALTER TABLE ai_interactions ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_interactions FORCE ROW LEVEL SECURITY;
CREATE POLICY ai_interactions_owner ON ai_interactions
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));

-- ai_model_prices: no per-user rows; read by anyone signed in (recording an interaction prices it), written by
-- ADMIN and SYSTEM.
ALTER TABLE ai_model_prices ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_model_prices FORCE ROW LEVEL SECURITY;
CREATE POLICY ai_model_prices_read ON ai_model_prices FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) <> '');
CREATE POLICY ai_model_prices_admin ON ai_model_prices
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN'));
