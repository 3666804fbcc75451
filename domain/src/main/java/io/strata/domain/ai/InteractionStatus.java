package io.strata.domain.ai;

public enum InteractionStatus {
    SUCCESS,
    ERROR
}
