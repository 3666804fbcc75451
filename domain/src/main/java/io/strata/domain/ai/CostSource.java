package io.strata.domain.ai;

/** Where an interaction's cost comes from. */
public enum CostSource {
    /** Sent by the client with the interaction. */
    GIVEN,
    /** Computed from the price book version in effect when the interaction happened. */
    PRICE_BOOK,
    /** No cost sent and no price in effect for the model: the cost is unknown until a reprice finds one. */
    UNPRICED
}
