package io.strata.domain.ai;

import io.strata.domain.shared.error.ValidationException;

/**
 * The tokens of one interaction. Cached prompt tokens are the part of the prompt served from the provider's cache
 * (a subset of the prompt tokens); the total is always prompt + completion.
 */
public record TokenUsage(long promptTokens, long cachedPromptTokens, long completionTokens, long totalTokens) {
    /** Per kind and interaction; keeps every sum over many interactions far inside a bigint. */
    public static final long MAX_TOKENS = 1_000_000_000L;

    public TokenUsage {
        bounded("promptTokens", promptTokens);
        bounded("cachedPromptTokens", cachedPromptTokens);
        bounded("completionTokens", completionTokens);
        if (cachedPromptTokens > promptTokens) {
            throw new ValidationException("cachedPromptTokens", "must not exceed promptTokens (" + promptTokens + ")");
        }
        if (totalTokens != promptTokens + completionTokens) {
            throw new ValidationException(
                    "totalTokens",
                    "must be promptTokens + completionTokens (" + (promptTokens + completionTokens) + "), was "
                            + totalTokens);
        }
    }

    /**
     * Reads a client's breakdown: prompt and completion are required, cached defaults to 0, a total that is sent
     * must match prompt + completion.
     */
    public static TokenUsage of(Long promptTokens, Long cachedPromptTokens, Long completionTokens, Long totalTokens) {
        long prompt = ValidationException.requireValue("promptTokens", promptTokens);
        long completion = ValidationException.requireValue("completionTokens", completionTokens);
        long cached = cachedPromptTokens == null ? 0 : cachedPromptTokens;
        bounded("promptTokens", prompt);
        bounded("completionTokens", completion);
        return new TokenUsage(prompt, cached, completion, totalTokens == null ? prompt + completion : totalTokens);
    }

    /** Prompt tokens billed at the full input price. */
    public long uncachedPromptTokens() {
        return promptTokens - cachedPromptTokens;
    }

    private static void bounded(String field, long value) {
        if (value < 0 || value > MAX_TOKENS) {
            throw new ValidationException(field, "must be between 0 and " + MAX_TOKENS);
        }
    }
}
