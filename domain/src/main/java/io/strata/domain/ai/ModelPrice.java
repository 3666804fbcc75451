package io.strata.domain.ai;

import io.strata.domain.shared.error.ValidationCollector;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.value.Storable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * One version of the price book: the rates of a model (or of every model a pattern matches, {@code *} standing for
 * any characters, e.g. {@code gpt-4o*}) from {@code effectiveFrom} on, until a later version of the same model or
 * pattern takes over. Versions are immutable: a price changes by adding a version, so an interaction priced from one
 * can always be repriced to the same amount.
 *
 * <p>The price in effect for a model at an instant: among the versions effective then whose model equals it or whose
 * pattern matches it, an exact model before a pattern, a longer pattern before a shorter one, then the latest
 * {@code effectiveFrom}.
 */
public final class ModelPrice extends AggregateRoot {
    public static final int MODEL_MAX = 200;
    private static final Pattern MODEL = Pattern.compile("^[A-Za-z0-9*][A-Za-z0-9._:/@+*-]*$");

    private final ModelPriceId id;
    private final String model;
    private final PriceRates rates;
    private final Instant effectiveFrom;
    private final AuditStamp stamp;

    private ModelPrice(ModelPriceId id, String model, PriceRates rates, Instant effectiveFrom, AuditStamp stamp) {
        this.id = id;
        this.model = model;
        this.rates = rates;
        this.effectiveFrom = effectiveFrom;
        this.stamp = stamp;
    }

    /** A new version; every invalid field (model, each rate, effectiveFrom) is reported at once. */
    public static ModelPrice create(
            String model,
            BigDecimal inputPerMillion,
            BigDecimal cachedInputPerMillion,
            BigDecimal outputPerMillion,
            Instant effectiveFrom,
            Clock clock) {
        ValidationCollector checks = new ValidationCollector();
        String name = checks.check(() -> modelOrPattern(model));
        PriceRates rates = checks.check(() -> new PriceRates(inputPerMillion, cachedInputPerMillion, outputPerMillion));
        Instant from = checks.check(() -> Storable.instant(
                        "effectiveFrom", ValidationException.requireValue("effectiveFrom", effectiveFrom))
                .truncatedTo(ChronoUnit.MICROS));
        checks.throwIfAny();
        ModelPrice price = new ModelPrice(ModelPriceId.newId(), name, rates, from, AuditStamp.createdAt(clock.now()));
        price.record(new ModelPriceAdded(
                price.id,
                name,
                rates.inputPerMillion(),
                rates.cachedInputPerMillion(),
                rates.outputPerMillion(),
                from,
                clock.now()));
        return price;
    }

    private static String modelOrPattern(String model) {
        String name = ValidationException.requireValue("model", model).strip();
        if (name.isEmpty() || name.length() > MODEL_MAX || !MODEL.matcher(name).matches()) {
            throw new ValidationException(
                    "model",
                    "must be 1 to " + MODEL_MAX + " of letters, digits and . _ : / @ + - (and * as a wildcard), "
                            + "starting with a letter, a digit or *");
        }
        return name;
    }

    public static ModelPrice reconstitute(
            ModelPriceId id, String model, PriceRates rates, Instant effectiveFrom, AuditStamp stamp) {
        return new ModelPrice(id, model, rates, effectiveFrom, stamp);
    }

    /** Records the removal; the repository refuses it while interactions keep this version. */
    public void remove(Clock clock) {
        record(new ModelPriceRemoved(id, model, effectiveFrom, clock.now()));
    }

    /** Whether {@code model} contains the wildcard {@code *}. */
    public boolean isPattern() {
        return model.indexOf('*') >= 0;
    }

    public ModelPriceId id() {
        return id;
    }

    public String model() {
        return model;
    }

    public PriceRates rates() {
        return rates;
    }

    public Instant effectiveFrom() {
        return effectiveFrom;
    }

    public AuditStamp stamp() {
        return stamp;
    }

    public long version() {
        return stamp.version();
    }
}
