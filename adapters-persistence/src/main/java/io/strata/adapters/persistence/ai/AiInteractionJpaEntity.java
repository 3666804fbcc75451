package io.strata.adapters.persistence.ai;

import io.strata.adapters.persistence.shared.AggregateJpaColumns;
import io.strata.domain.ai.CostSource;
import io.strata.domain.ai.InteractionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code ai_interactions}. Written once; only a reprice (one SQL statement) changes its cost. */
@Entity
@Table(name = "ai_interactions")
class AiInteractionJpaEntity extends AggregateJpaColumns {

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "module")
    private String module;

    @Column(name = "model")
    private String model;

    @Column(name = "prompt")
    private String prompt;

    @Column(name = "response")
    private String response;

    @Column(name = "prompt_tokens")
    private long promptTokens;

    @Column(name = "cached_prompt_tokens")
    private long cachedPromptTokens;

    @Column(name = "completion_tokens")
    private long completionTokens;

    @Column(name = "total_tokens")
    private long totalTokens;

    @Column(name = "cost_usd", precision = 24, scale = 12)
    private BigDecimal costUsd;

    @Enumerated(EnumType.STRING)
    @Column(name = "cost_source")
    private CostSource costSource;

    @Column(name = "price_id")
    private UUID priceId;

    @Column(name = "latency_ms")
    private long latencyMs;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private InteractionStatus status;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    public UUID getUserId() {
        return userId;
    }

    public void setUserId(UUID userId) {
        this.userId = userId;
    }

    public String getModule() {
        return module;
    }

    public void setModule(String module) {
        this.module = module;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public String getResponse() {
        return response;
    }

    public void setResponse(String response) {
        this.response = response;
    }

    public long getPromptTokens() {
        return promptTokens;
    }

    public void setPromptTokens(long promptTokens) {
        this.promptTokens = promptTokens;
    }

    public long getCachedPromptTokens() {
        return cachedPromptTokens;
    }

    public void setCachedPromptTokens(long cachedPromptTokens) {
        this.cachedPromptTokens = cachedPromptTokens;
    }

    public long getCompletionTokens() {
        return completionTokens;
    }

    public void setCompletionTokens(long completionTokens) {
        this.completionTokens = completionTokens;
    }

    public long getTotalTokens() {
        return totalTokens;
    }

    public void setTotalTokens(long totalTokens) {
        this.totalTokens = totalTokens;
    }

    public BigDecimal getCostUsd() {
        return costUsd;
    }

    public void setCostUsd(BigDecimal costUsd) {
        this.costUsd = costUsd;
    }

    public CostSource getCostSource() {
        return costSource;
    }

    public void setCostSource(CostSource costSource) {
        this.costSource = costSource;
    }

    public UUID getPriceId() {
        return priceId;
    }

    public void setPriceId(UUID priceId) {
        this.priceId = priceId;
    }

    public long getLatencyMs() {
        return latencyMs;
    }

    public void setLatencyMs(long latencyMs) {
        this.latencyMs = latencyMs;
    }

    public InteractionStatus getStatus() {
        return status;
    }

    public void setStatus(InteractionStatus status) {
        this.status = status;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
    }
}
