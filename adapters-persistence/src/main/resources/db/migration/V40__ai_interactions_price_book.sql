-- ai: the versioned price book and the AI interactions priced from it. Money is numeric, never floating point:
-- prices per million tokens with 6 decimals, costs with 12 (a computed cost is then exact).

CREATE TABLE ai_model_prices (
    id                        uuid          NOT NULL,
    -- a model name, or a pattern where * stands for any characters (gpt-4o*)
    model                     text          NOT NULL,
    is_pattern                boolean       GENERATED ALWAYS AS (strpos(model, '*') > 0) STORED,
    -- the pattern as a LIKE pattern: \, % and _ escaped, * becomes %
    like_pattern              text          GENERATED ALWAYS AS (
                                  replace(replace(replace(replace(model, '\', '\\'), '%', '\%'), '_', '\_'), '*', '%')
                              ) STORED,
    input_per_million         numeric(18,6) NOT NULL,
    cached_input_per_million  numeric(18,6) NOT NULL,
    output_per_million        numeric(18,6) NOT NULL,
    effective_from            timestamptz   NOT NULL,
    version                   bigint        NOT NULL DEFAULT 0,
    created_at                timestamptz   NOT NULL,
    updated_at                timestamptz   NOT NULL,
    CONSTRAINT ai_model_prices_pk PRIMARY KEY (id),
    CONSTRAINT ai_model_prices_version_uk UNIQUE (model, effective_from),
    CONSTRAINT ai_model_prices_model_ck CHECK (length(model) BETWEEN 1 AND 200),
    CONSTRAINT ai_model_prices_rates_ck CHECK (
        input_per_million >= 0 AND cached_input_per_million >= 0 AND output_per_million >= 0),
    CONSTRAINT ai_model_prices_version_ck CHECK (version >= 0),
    CONSTRAINT ai_model_prices_updated_at_ck CHECK (updated_at >= created_at)
);

-- the price in effect: exact model first, then the patterns (a handful of rows)
CREATE INDEX ai_model_prices_model_from_ix ON ai_model_prices (model, effective_from DESC);
CREATE INDEX ai_model_prices_effective_from_ix ON ai_model_prices (effective_from, id);
CREATE INDEX ai_model_prices_patterns_ix ON ai_model_prices (effective_from DESC) WHERE is_pattern;

CREATE TABLE ai_interactions (
    id                   uuid           NOT NULL,
    user_id              uuid           NOT NULL,
    module               text           NOT NULL,
    model                text           NOT NULL,
    prompt               text,
    response             text,
    prompt_tokens        bigint         NOT NULL,
    cached_prompt_tokens bigint         NOT NULL DEFAULT 0,
    completion_tokens    bigint         NOT NULL,
    total_tokens         bigint         NOT NULL,
    cost_usd             numeric(24,12),
    cost_source          text           NOT NULL,
    price_id             uuid,
    latency_ms           bigint         NOT NULL,
    status               text           NOT NULL,
    error_message        text,
    occurred_at          timestamptz    NOT NULL,
    version              bigint         NOT NULL DEFAULT 0,
    created_at           timestamptz    NOT NULL,
    updated_at           timestamptz    NOT NULL,
    CONSTRAINT ai_interactions_pk PRIMARY KEY (id),
    -- a user's interactions (prompts are personal data) go with the user
    CONSTRAINT ai_interactions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    -- a price version that priced interactions stays (ModelPricePersistenceAdapter.delete answers 409)
    CONSTRAINT ai_interactions_price_fk FOREIGN KEY (price_id) REFERENCES ai_model_prices (id) ON DELETE RESTRICT,
    CONSTRAINT ai_interactions_module_ck CHECK (length(module) BETWEEN 1 AND 100),
    CONSTRAINT ai_interactions_model_ck CHECK (length(model) BETWEEN 1 AND 200),
    CONSTRAINT ai_interactions_prompt_ck CHECK (length(prompt) <= 200000),
    CONSTRAINT ai_interactions_response_ck CHECK (length(response) <= 200000),
    CONSTRAINT ai_interactions_tokens_ck CHECK (
        prompt_tokens BETWEEN 0 AND 1000000000
        AND completion_tokens BETWEEN 0 AND 1000000000
        AND cached_prompt_tokens BETWEEN 0 AND prompt_tokens
        AND total_tokens = prompt_tokens + completion_tokens),
    CONSTRAINT ai_interactions_cost_ck CHECK (cost_usd >= 0),
    CONSTRAINT ai_interactions_cost_source_ck CHECK (
        (cost_source = 'GIVEN' AND cost_usd IS NOT NULL AND price_id IS NULL)
        OR (cost_source = 'PRICE_BOOK' AND cost_usd IS NOT NULL AND price_id IS NOT NULL)
        OR (cost_source = 'UNPRICED' AND cost_usd IS NULL AND price_id IS NULL)),
    CONSTRAINT ai_interactions_latency_ck CHECK (latency_ms BETWEEN 0 AND 86400000),
    CONSTRAINT ai_interactions_status_ck CHECK (status IN ('SUCCESS', 'ERROR')),
    CONSTRAINT ai_interactions_error_ck CHECK (status = 'ERROR' OR error_message IS NULL),
    CONSTRAINT ai_interactions_error_message_ck CHECK (length(error_message) <= 4000),
    CONSTRAINT ai_interactions_version_ck CHECK (version >= 0),
    CONSTRAINT ai_interactions_updated_at_ck CHECK (updated_at >= created_at)
);

-- keyset paging on every sortable field of AiInteractionSearch (id as tie-breaker); the date range and the
-- report's range scan ride on occurred_at
CREATE INDEX ai_interactions_occurred_at_id_ix ON ai_interactions (occurred_at, id);
CREATE INDEX ai_interactions_latency_id_ix ON ai_interactions (latency_ms, id);
CREATE INDEX ai_interactions_model_id_ix ON ai_interactions (model, id);
CREATE INDEX ai_interactions_module_id_ix ON ai_interactions (module, id);
-- a user's own list and report (also serves the cascade from users)
CREATE INDEX ai_interactions_user_occurred_at_ix ON ai_interactions (user_id, occurred_at, id);
-- filters with the default sort (-occurredAt) behind them
CREATE INDEX ai_interactions_model_occurred_at_ix ON ai_interactions (model, occurred_at, id);
CREATE INDEX ai_interactions_module_occurred_at_ix ON ai_interactions (module, occurred_at, id);
-- the RESTRICT check when a price version is removed
CREATE INDEX ai_interactions_price_ix ON ai_interactions (price_id) WHERE price_id IS NOT NULL;
