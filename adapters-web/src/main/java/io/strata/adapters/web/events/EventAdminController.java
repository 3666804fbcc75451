package io.strata.adapters.web.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.ClientNumbers;
import io.strata.adapters.web.shared.ListResponse;
import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.RequestValues;
import io.strata.adapters.web.shared.openapi.AccessProblems;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.application.events.EventFeedQueries;
import io.strata.application.events.ManageEventSinksUseCase;
import io.strata.domain.events.EventFeedPage;
import io.strata.domain.events.SinkId;
import io.strata.domain.events.SinkKind;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.value.AsciiNumbers;
import io.strata.domain.shared.value.Storable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** The event platform for admins: sinks, their attempt logs, redelivery, the event feed and the backlog. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Events")
@CommonProblems
@AccessProblems
public class EventAdminController {
    static final String SINKS = "/api/v1/admin/event-sinks";
    static final String FEED = "/api/v1/admin/events";
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,18})-(\\d{1,18})");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*\\.[A-Z][A-Za-z0-9]*");

    private final ManageEventSinksUseCase sinks;
    private final EventFeedQueries feed;
    private final JsonMapper json;

    public EventAdminController(ManageEventSinksUseCase sinks, EventFeedQueries feed, JsonMapper json) {
        this.sinks = sinks;
        this.feed = feed;
        this.json = json;
    }

    @Post(SINKS)
    @Operation(
            summary = "Add an event sink (ADMIN)",
            description = "LOG, WEBHOOK (Standard Webhooks signatures; the secret is in this answer only) or MQTT "
                    + "(QoS 1, a topic per event type). The sink receives events committed from now on.")
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = EventSinkResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "A sink with this name exists",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<EventSinkResponse> create(
            @Parameter(hidden = true) Actor actor, @Body CreateEventSinkRequest body) {
        SinkKind kind = RequestValues.enumValue("kind", body.kind(), SinkKind.class);
        ManageEventSinksUseCase.Created created = sinks.create(new ManageEventSinksUseCase.Command(
                actor,
                body.name() == null ? null : Storable.text("name", body.name()),
                kind,
                body.eventTypes() == null
                        ? null
                        : Storable.texts("eventTypes", new java.util.ArrayList<>(body.eventTypes())),
                body.url(),
                body.topicPrefix() == null ? null : Storable.text("topicPrefix", body.topicPrefix()),
                body.username(),
                body.password(),
                body.timeoutMs() == null ? null : Duration.ofMillis(body.timeoutMs())));
        return HttpResponse.created(
                EventSinkResponse.of(created.sink(), created.secret()),
                URI.create(SINKS + "/" + created.sink().id()));
    }

    @Get(SINKS)
    @Operation(summary = "Every event sink (ADMIN), by name")
    public ListResponse<EventSinkResponse> list(@Parameter(hidden = true) Actor actor) {
        return new ListResponse<>(sinks.list(actor).stream()
                .map(s -> EventSinkResponse.of(s, null))
                .toList());
    }

    @Get(SINKS + "/{id}")
    @Operation(summary = "One event sink (ADMIN)")
    public EventSinkResponse get(@Parameter(hidden = true) Actor actor, UUID id) {
        return EventSinkResponse.of(sinks.get(actor, new SinkId(id)), null);
    }

    @Post(SINKS + "/{id}/enable")
    @Operation(summary = "Enable a sink (ADMIN): its backlog is delivered")
    public EventSinkResponse enable(@Parameter(hidden = true) Actor actor, UUID id) {
        return EventSinkResponse.of(sinks.changeEnabled(actor, new SinkId(id), true), null);
    }

    @Post(SINKS + "/{id}/disable")
    @Operation(summary = "Disable a sink (ADMIN): events still queue for it, nothing is lost")
    public EventSinkResponse disable(@Parameter(hidden = true) Actor actor, UUID id) {
        return EventSinkResponse.of(sinks.changeEnabled(actor, new SinkId(id), false), null);
    }

    @Post(SINKS + "/{id}/secret")
    @Operation(
            summary = "Rotate a webhook's signing secret (ADMIN)",
            description = "The new secret is in this answer only; the previous one keeps signing (a second "
                    + "signature) during the configured overlap.")
    @ApiResponse(
            responseCode = "409",
            description = "Not a webhook sink",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventFeedResponses.Secret rotate(@Parameter(hidden = true) Actor actor, UUID id) {
        return new EventFeedResponses.Secret(sinks.rotateSecret(actor, new SinkId(id)));
    }

    @Post(SINKS + "/{id}/redeliveries")
    @Status(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Deliver again (ADMIN): one event (eventId) or a range of outbox positions",
            description = "Queued again whether delivered or not; the relay delivers them in order per aggregate")
    @ApiResponse(responseCode = "202", description = "Queued")
    public EventFeedResponses.Redelivered redeliver(
            @Parameter(hidden = true) Actor actor, UUID id, @Body RedeliverRequest body) {
        UUID eventId = body.eventId() == null ? null : RequestValues.uuid("eventId", body.eventId());
        return new EventFeedResponses.Redelivered(
                sinks.redeliver(actor, new SinkId(id), eventId, body.fromPosition(), body.toPosition()));
    }

    @Get(SINKS + "/{id}/attempts")
    @Operation(summary = "A sink's delivery attempts (ADMIN), newest first: status, latency, response excerpt")
    public ListResponse<EventFeedResponses.AttemptResponse> attempts(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Parameter(description = "1-500 (default 100)") @QueryValue @Nullable String limit) {
        int max = limit(limit, 500, 100);
        return new ListResponse<>(sinks.attempts(actor, new SinkId(id), max).stream()
                .map(a -> new EventFeedResponses.AttemptResponse(
                        a.position(),
                        a.eventId(),
                        a.attempt().at(),
                        a.attempt().succeeded(),
                        a.attempt().statusCode(),
                        a.attempt().latencyMillis(),
                        a.attempt().response()))
                .toList());
    }

    @Delete(SINKS + "/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a sink and its queue (ADMIN)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    public void delete(@Parameter(hidden = true) Actor actor, UUID id) {
        sinks.delete(actor, new SinkId(id));
    }

    @Get(FEED + "/backlog")
    @Operation(summary = "Per sink: pending deliveries and the age of the oldest undelivered event (ADMIN)")
    public ListResponse<EventFeedResponses.Backlog> backlog(@Parameter(hidden = true) Actor actor) {
        Instant now = Instant.now();
        return new ListResponse<>(feed.backlog(actor).stream()
                .map(b -> new EventFeedResponses.Backlog(
                        b.sink().id().value(),
                        b.sink().name(),
                        b.sink().enabled(),
                        b.pending(),
                        b.oldestUndelivered(),
                        b.oldestUndelivered() == null
                                ? null
                                : Math.max(
                                        0,
                                        Duration.between(b.oldestUndelivered(), now)
                                                .toMillis())))
                .toList());
    }

    @Get(FEED)
    @Operation(
            summary = "The event feed (ADMIN): committed events in commit-safe order",
            description = "A cursor never passes an event that commits later (events are listed only once every "
                    + "older transaction has ended). Each event shows its per-aggregate sequence number and its "
                    + "delivery state per sink. Poll again with nextCursor for what commits later.")
    public EventFeedResponses.FeedPage events(
            @Parameter(hidden = true) Actor actor,
            @Parameter(description = "event type, e.g. workspace.TaskCreated") @QueryValue @Nullable String type,
            @Parameter(description = "aggregate type, e.g. workspace.Task") @QueryValue @Nullable String aggregateType,
            @Parameter(description = "aggregate id", schema = @Schema(format = "uuid")) @QueryValue @Nullable String aggregateId,
            @Parameter(description = "occurred at or after (ISO-8601 instant)") @QueryValue @Nullable String from,
            @Parameter(description = "occurred before (ISO-8601 instant)") @QueryValue @Nullable String to,
            @Parameter(description = "nextCursor of the previous page") @QueryValue @Nullable String cursor,
            @Parameter(description = "1-500 (default 100)") @QueryValue @Nullable String limit) {
        EventFeedPage.Filter filter = new EventFeedPage.Filter(
                typeName("type", type),
                typeName("aggregateType", aggregateType),
                aggregateId == null ? null : RequestValues.uuid("aggregateId", aggregateId),
                instant("from", from),
                instant("to", to));
        EventFeedPage page = feed.feed(actor, filter, cursor(cursor), limit(limit, 500, 100));
        return new EventFeedResponses.FeedPage(
                page.items().stream().map(this::toResponse).toList(),
                page.next() == null
                        ? null
                        : page.next().txid() + "-" + page.next().position(),
                page.more());
    }

    @SuppressWarnings("unchecked")
    private EventFeedResponses.FeedEvent toResponse(EventFeedPage.Entry entry) {
        Map<String, Object> payload;
        try {
            payload = json.readValue(entry.event().payload(), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("an outbox payload is a JSON object (events_payload_ck)", e);
        }
        return new EventFeedResponses.FeedEvent(
                entry.event().eventId(),
                entry.event().position(),
                entry.event().eventType(),
                entry.event().aggregateType(),
                entry.event().aggregateId(),
                entry.event().sequence(),
                entry.event().occurredAt(),
                payload,
                entry.deliveries().stream()
                        .map(d -> new EventFeedResponses.SinkDelivery(
                                d.sinkId().value(), d.sink(), d.state(), d.attempts(), d.deliveredAt()))
                        .toList());
    }

    private static String typeName(String field, String value) {
        if (value != null && !TYPE.matcher(value).matches()) {
            throw new ValidationException(field, "must be a type name such as workspace.Task");
        }
        return value;
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Storable.instant(field, Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be an ISO-8601 instant such as 2025-01-31T09:30:00Z");
        }
    }

    private static EventFeedPage.Cursor cursor(String value) {
        if (value == null) {
            return null;
        }
        var matcher = CURSOR.matcher(value);
        if (!matcher.matches()) {
            throw new ValidationException("cursor", "is not a cursor of this feed");
        }
        return new EventFeedPage.Cursor(
                AsciiNumbers.wholeNumber(matcher.group(1)), AsciiNumbers.wholeNumber(matcher.group(2)));
    }

    private static int limit(String value, int max, int fallback) {
        return ClientNumbers.limit(value, "limit", max, fallback);
    }
}
