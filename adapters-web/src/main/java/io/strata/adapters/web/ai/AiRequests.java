package io.strata.adapters.web.ai;

import io.micronaut.core.annotation.Nullable;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.RequestValues;
import io.strata.application.ai.RecordInteractionUseCase;
import io.strata.domain.ai.InteractionStatus;
import io.strata.domain.ai.UsageGrouping;
import io.strata.domain.ai.UsageQuery;
import io.strata.domain.shared.error.ValidationCollector;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Storable;
import io.strata.domain.shared.value.Text;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Request bodies and query parameters of the ai controllers to commands and queries; every unreadable field of a
 * request is reported in one 400. Business rules stay in the domain and the use cases.
 */
final class AiRequests {
    private AiRequests() {}

    static RecordInteractionUseCase.Command record(Actor actor, RecordInteractionRequest body) {
        InteractionStatus status = RequestValues.enumValue("status", body.status(), InteractionStatus.class);
        return new RecordInteractionUseCase.Command(
                actor,
                body.module(),
                body.model(),
                body.prompt(),
                body.response(),
                body.promptTokens(),
                body.cachedPromptTokens(),
                body.completionTokens(),
                body.totalTokens(),
                body.costUsd(),
                status,
                body.errorMessage(),
                body.latencyMs(),
                body.occurredAt());
    }

    /**
     * The report's parameters: {@code groupBy} (day, model, module, user; default day), {@code from}/{@code to}
     * (an instant, or a date meaning its start in {@code zone}), {@code zone} (an IANA region such as
     * Europe/Paris, or UTC; default UTC), {@code model}, {@code module}, {@code userId}.
     */
    static UsageQuery usage(
            @Nullable String groupBy,
            @Nullable String from,
            @Nullable String to,
            @Nullable String zone,
            @Nullable String model,
            @Nullable String module,
            @Nullable String userId) {
        ValidationCollector errors = new ValidationCollector();
        UsageGrouping grouping = errors.check(() -> groupBy == null || groupBy.isBlank()
                ? UsageGrouping.DAY
                : RequestValues.enumValue("groupBy", groupBy, UsageGrouping.class));
        ZoneId timeZone = errors.check(() -> zone(zone));
        ZoneId at = timeZone == null ? UsageQuery.UTC : timeZone;
        Instant start = errors.check(() -> instant("from", from, at));
        Instant end = errors.check(() -> instant("to", to, at));
        String modelName = errors.check(() -> Text.optional("model", model, 200));
        String moduleName = errors.check(() -> Text.optional("module", module, 100));
        UserId user = errors.check(
                () -> userId == null || userId.isBlank() ? null : new UserId(RequestValues.uuid("userId", userId)));
        errors.throwIfAny();
        return new UsageQuery(grouping, start, end, at, modelName, moduleName, user);
    }

    /** An IANA region id (Europe/Paris) or UTC; fixed offsets are refused (PostgreSQL reads their sign inverted). */
    static ZoneId zone(@Nullable String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("UTC")) {
            return UsageQuery.UTC;
        }
        String id = text.strip();
        try {
            Storable.text("zone", id);
            ZoneId zone = ZoneId.of(id);
            if (!(zone instanceof ZoneOffset) && ZoneId.getAvailableZoneIds().contains(zone.getId())) {
                return zone;
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw new ValidationException(
                "zone", "'" + Problems.abbreviate(id) + "' is not a time zone region such as UTC or Europe/Paris");
    }

    /** An ISO instant (2026-01-31T00:00:00Z) or a date (2026-01-31: its first instant in {@code zone}). */
    static Instant instant(String field, @Nullable String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            Instant instant = value.length() <= 10 && value.indexOf('T') < 0
                    ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : Instant.parse(value);
            return Storable.instant(field, instant);
        } catch (DateTimeException | ArithmeticException e) {
            throw new ValidationException(
                    field,
                    "'" + Problems.abbreviate(value)
                            + "' is not an instant (2026-01-31T00:00:00Z) or a date (2026-01-31)");
        }
    }
}
