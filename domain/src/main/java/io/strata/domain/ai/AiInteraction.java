package io.strata.domain.ai;

import io.strata.domain.shared.error.ValidationCollector;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Storable;
import io.strata.domain.shared.value.Text;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of an AI model by a user from a module of the platform: what was asked and answered, the tokens by kind,
 * the cost and its source, latency and outcome. Recorded once and never edited by clients; only a reprice (admin)
 * changes its cost, from the price book.
 */
public final class AiInteraction extends AggregateRoot {
    public static final int MODULE_MAX = 100;
    public static final int MODEL_MAX = 200;
    public static final int TEXT_MAX = 200_000;
    /** How far ahead of the server's clock a client's {@code occurredAt} may be (clock skew). */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final AiInteractionId id;
    private final UserId userId;
    private final String module;
    private final String model;
    private final String prompt;
    private final String response;
    private final TokenUsage tokens;
    private final InteractionCost cost;
    private final Outcome outcome;
    private final Instant occurredAt;
    private final AuditStamp stamp;

    private AiInteraction(
            AiInteractionId id,
            UserId userId,
            String module,
            String model,
            String prompt,
            String response,
            TokenUsage tokens,
            InteractionCost cost,
            Outcome outcome,
            Instant occurredAt,
            AuditStamp stamp) {
        this.id = id;
        this.userId = userId;
        this.module = module;
        this.model = model;
        this.prompt = prompt;
        this.response = response;
        this.tokens = tokens;
        this.cost = cost;
        this.outcome = outcome;
        this.occurredAt = occurredAt;
        this.stamp = stamp;
    }

    /** When the interaction happened: the client's instant (not in the future), or now. */
    public static Instant occurredAt(Instant requested, Clock clock) {
        Instant now = clock.now();
        if (requested == null) {
            return now;
        }
        Storable.instant("occurredAt", requested);
        if (requested.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new ValidationException("occurredAt", "must not be in the future");
        }
        return requested.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Records an interaction of {@code userId}. The cost is {@code givenCost} when sent, else computed from
     * {@code priceInEffect} (the version in effect for the model at {@code occurredAt}), else unknown (UNPRICED).
     */
    public static AiInteraction record(
            UserId userId,
            String module,
            String model,
            String prompt,
            String response,
            TokenUsage tokens,
            BigDecimal givenCost,
            Optional<ModelPrice> priceInEffect,
            Outcome outcome,
            Instant occurredAt,
            Clock clock) {
        Objects.requireNonNull(userId, "userId");
        ValidationCollector checks = new ValidationCollector();
        String moduleName = checks.check(() -> Text.required("module", module, MODULE_MAX));
        String modelName = checks.check(() -> Text.required("model", model, MODEL_MAX));
        String promptText = checks.check(() -> longText("prompt", prompt));
        String responseText = checks.check(() -> longText("response", response));
        checks.throwIfAny();
        TokenUsage usage = ValidationException.requireValue("tokens", tokens);
        InteractionCost cost = givenCost != null
                ? InteractionCost.given(givenCost)
                : priceInEffect.map(p -> InteractionCost.priced(p, usage)).orElse(InteractionCost.UNPRICED);
        Instant now = clock.now();
        AiInteraction interaction = new AiInteraction(
                AiInteractionId.newId(),
                userId,
                moduleName,
                modelName,
                promptText,
                responseText,
                usage,
                cost,
                ValidationException.requireValue("outcome", outcome),
                ValidationException.requireValue("occurredAt", occurredAt),
                AuditStamp.createdAt(now));
        interaction.record(new AiInteractionRecorded(
                interaction.id,
                userId,
                interaction.module,
                interaction.model,
                outcome.status(),
                usage,
                cost.usd(),
                cost.source(),
                cost.priceVersion(),
                outcome.latencyMs(),
                occurredAt,
                now));
        return interaction;
    }

    public static AiInteraction reconstitute(
            AiInteractionId id,
            UserId userId,
            String module,
            String model,
            String prompt,
            String response,
            TokenUsage tokens,
            InteractionCost cost,
            Outcome outcome,
            Instant occurredAt,
            AuditStamp stamp) {
        return new AiInteraction(id, userId, module, model, prompt, response, tokens, cost, outcome, occurredAt, stamp);
    }

    /** Kept as sent (no trimming: whitespace can matter in a prompt); storable and bounded. */
    private static String longText(String field, String value) {
        if (value == null) {
            return null;
        }
        Storable.text(field, value);
        if (value.length() > TEXT_MAX) {
            throw new ValidationException(field, "must be at most " + TEXT_MAX + " characters");
        }
        return value;
    }

    public boolean belongsTo(UserId user) {
        return userId.equals(user);
    }

    public AiInteractionId id() {
        return id;
    }

    public UserId userId() {
        return userId;
    }

    public String module() {
        return module;
    }

    public String model() {
        return model;
    }

    public String prompt() {
        return prompt;
    }

    public String response() {
        return response;
    }

    public TokenUsage tokens() {
        return tokens;
    }

    public InteractionCost cost() {
        return cost;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public AuditStamp stamp() {
        return stamp;
    }

    public long version() {
        return stamp.version();
    }
}
