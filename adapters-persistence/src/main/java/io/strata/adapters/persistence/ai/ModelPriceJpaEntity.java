package io.strata.adapters.persistence.ai;

import io.strata.adapters.persistence.shared.AggregateJpaColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** Row of {@code ai_model_prices}: one version of the price book, never updated. */
@Entity
@Table(name = "ai_model_prices")
class ModelPriceJpaEntity extends AggregateJpaColumns {

    @Column(name = "model")
    private String model;

    @Column(name = "input_per_million", nullable = false, precision = 18, scale = 6)
    private BigDecimal inputPerMillion;

    @Column(name = "cached_input_per_million", nullable = false, precision = 18, scale = 6)
    private BigDecimal cachedInputPerMillion;

    @Column(name = "output_per_million", nullable = false, precision = 18, scale = 6)
    private BigDecimal outputPerMillion;

    @Column(name = "effective_from")
    private Instant effectiveFrom;

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public BigDecimal getInputPerMillion() {
        return inputPerMillion;
    }

    public void setInputPerMillion(BigDecimal inputPerMillion) {
        this.inputPerMillion = inputPerMillion;
    }

    public BigDecimal getCachedInputPerMillion() {
        return cachedInputPerMillion;
    }

    public void setCachedInputPerMillion(BigDecimal cachedInputPerMillion) {
        this.cachedInputPerMillion = cachedInputPerMillion;
    }

    public BigDecimal getOutputPerMillion() {
        return outputPerMillion;
    }

    public void setOutputPerMillion(BigDecimal outputPerMillion) {
        this.outputPerMillion = outputPerMillion;
    }

    public Instant getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(Instant effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }
}
