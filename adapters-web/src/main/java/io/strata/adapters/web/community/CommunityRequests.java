package io.strata.adapters.web.community;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.strata.adapters.web.shared.MergePatch;
import io.strata.adapters.web.shared.RequestValues;
import io.strata.application.shared.Change;
import io.strata.domain.community.CaseType;
import io.strata.domain.community.GuildConfig;
import io.strata.domain.community.TransferRequest;
import io.strata.domain.shared.error.ValidationCollector;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/** Request bodies to commands: every unreadable field in one 400. */
final class CommunityRequests {
    private CommunityRequests() {}

    static GuildConfig.Change configChange(JsonNode body) {
        return MergePatch.of(body, GuildConfigPatchRequest.class).build(p -> {
            Change<String> name = p.text("name");
            Change<String> prefix = p.text("prefix");
            Change<Map<String, Object>> settings = p.object("settings");
            Change<BigDecimal> maxPoints = p.decimal("maxPoints");
            ValidationCollector errors = new ValidationCollector();
            if (prefix.present() && prefix.value() == null) {
                errors.add("prefix", "cannot be cleared");
            }
            if (settings.present() && settings.value() == null) {
                errors.add("settings", "cannot be cleared; send {} for no settings");
            }
            Long max = null;
            if (maxPoints.present()) {
                max = errors.check(() -> wholePositive("maxPoints", maxPoints.value()));
            }
            errors.throwIfAny();
            return new GuildConfig.Change(
                    name.present() ? name.value() : null,
                    name.present() && name.value() == null,
                    prefix.value(),
                    settings.value(),
                    max);
        });
    }

    static TransferRequest transfer(TransferRequestBody body) {
        ValidationCollector errors = new ValidationCollector();
        UUID id = errors.check(() -> RequestValues.uuid("id", body.id()));
        if (body.amount() == null) {
            errors.add("amount", "is required");
        }
        errors.throwIfAny();
        return new TransferRequest(id, body.from(), body.to(), body.amount(), body.reason());
    }

    static CaseType caseType(@Nullable String text) {
        CaseType type = RequestValues.enumValue("type", text, CaseType.class);
        if (type == null) {
            throw new ValidationException("type", "is required");
        }
        return type;
    }

    static Instant instant(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        try {
            return Storable.instant(field, Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static Long wholePositive(String field, @Nullable BigDecimal value) {
        if (value == null) {
            throw new ValidationException(field, "cannot be cleared");
        }
        try {
            long whole = value.longValueExact();
            if (whole <= 0) {
                throw new ValidationException(field, "must be at least 1");
            }
            return whole;
        } catch (ArithmeticException e) {
            throw new ValidationException(field, "must be a whole number of at most 19 digits");
        }
    }
}
