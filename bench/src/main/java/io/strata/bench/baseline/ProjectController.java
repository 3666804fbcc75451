package io.strata.bench.baseline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.bench.baseline.BearerAuthentication.Caller;
import io.strata.bench.baseline.ProjectRows.ProjectRow;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code GET} and {@code PATCH /api/v1/projects/{id}} and {@code POST /api/v1/projects/{id}/tasks}, with
 * Strata's statements in Strata's transactions and its rules for what the benchmark sends: members and
 * ADMIN see a project (anyone else gets a 404), the owner, MANAGER members and ADMIN edit it, any
 * non-GUEST member adds tasks to an open project, and every task change refreshes the project's counters
 * under the project's row lock.
 */
@Controller("/api/v1/projects")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ProjectController {
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static final int NAME_MAX = 200;
    private static final int TEXT_MAX = 10_000;
    private static final int TITLE_MAX = 200;
    private static final BigDecimal MAX_ESTIMATE = new BigDecimal("100000");
    private static final int MAX_TAGS = 50;
    private static final int MAX_TAG_LENGTH = 50;
    private static final Set<String> PRIORITIES = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

    private final Jdbc jdbc;

    ProjectController(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Get("/{id}")
    public HttpResponse<Json.Project> get(@RequestAttribute(BearerAuthentication.CALLER) Caller caller, String id) {
        UUID projectId = Ids.parse("id", id);
        ProjectRow project = jdbc.readOnly(caller.role(), caller.userId().toString(), connection ->
                visible(caller, ProjectRows.readWithMembers(connection, projectId), projectId));
        return ok(project);
    }

    @Patch("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    public HttpResponse<Json.Project> patch(@RequestAttribute(BearerAuthentication.CALLER) Caller caller, String id,
                                            @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                            @Body JsonNode body) {
        UUID projectId = Ids.parse("id", id);
        long expected = ETags.requireIfMatch(ifMatch);
        DetailsPatch patch = DetailsPatch.of(body);
        ProjectRow updated = jdbc.transaction(caller.role(), caller.userId().toString(), connection -> {
            ProjectRow project = visible(caller, ProjectRows.readWithMembers(connection, projectId), projectId);
            boolean manager = caller.isAdmin() || project.ownerId().equals(caller.userId())
                    || caller.role().equals("MANAGER") && project.isMember(caller.userId());
            if (!manager) {
                throw ApiProblem.forbidden("only the project owner, a MANAGER member or an ADMIN may do this");
            }
            if (project.version() != expected) {
                throw ApiProblem.staleVersion("Project", projectId, expected, project.version());
            }
            if (patch.isEmpty()) {
                return project; // nothing changed: Hibernate writes nothing either
            }
            return ProjectRows.update(connection, patch.applyTo(project, Jdbc.now()), expected);
        });
        return ok(updated);
    }

    @Post("/{id}/tasks")
    public HttpResponse<Json.Task> addTask(@RequestAttribute(BearerAuthentication.CALLER) Caller caller, String id,
                                           @Body Json.NewTask body) {
        UUID projectId = Ids.parse("id", id);
        String title = required("title", body.title(), TITLE_MAX);
        String description = optional("description", body.description(), TEXT_MAX);
        String priority = body.priority() == null ? "MEDIUM" : priority(body.priority());
        UUID assigneeId = body.assigneeId() == null ? null : Ids.parse("assigneeId", body.assigneeId());
        BigDecimal estimatedHours = estimate(body.estimatedHours());
        TreeSet<String> tags = tags(body.tags());
        if (body.dependsOn() != null && !body.dependsOn().isEmpty()) {
            throw ApiProblem.validation("dependsOn", "the baseline adds tasks without dependencies");
        }

        Json.Task task = jdbc.transaction(caller.role(), caller.userId().toString(), connection -> {
            ProjectRow project = visible(caller, ProjectRows.lock(connection, projectId), projectId);
            if (caller.role().equals("GUEST")) {
                throw ApiProblem.forbidden("GUEST users can only read projects and tasks");
            }
            if (project.status().equals("COMPLETED") || project.status().equals("CANCELLED")) {
                throw ApiProblem.conflict("project " + projectId + " is " + project.status()
                        + "; reopen it to change its tasks");
            }
            if (assigneeId != null && !project.isMember(assigneeId)) {
                throw ApiProblem.validation("assigneeId", "user " + assigneeId + " is not a member of project "
                        + projectId);
            }
            Instant now = Jdbc.now();
            Json.Task created = new Json.Task(UUID.randomUUID(), projectId, title, description, "TODO", priority,
                    assigneeId, estimatedHours, BigDecimal.ZERO.setScale(2), body.dueDate(), tags, List.of(), null, 0,
                    now, now);
            ProjectRows.insertTask(connection, created);
            ProjectRows.appendTaskCreated(connection, created);
            ProjectRows.update(connection, project.withTaskAdded(), project.version());
            return created;
        });
        return HttpResponse.created(task, URI.create("/api/v1/tasks/" + task.id()))
                .header(HttpHeaders.ETAG, ETags.of(task.version()));
    }

    private static HttpResponse<Json.Project> ok(ProjectRow project) {
        return HttpResponse.ok(project.json()).header(HttpHeaders.ETAG, ETags.of(project.version()));
    }

    private static ProjectRow visible(Caller caller, Optional<ProjectRow> project, UUID id) {
        return project.filter(p -> caller.isAdmin() || p.isMember(caller.userId()))
                .orElseThrow(() -> ApiProblem.notFound("Project", id));
    }

    /** Trimmed; blank is null (Strata's Text.optional). */
    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw ApiProblem.validation(field, "must be at most " + max + " characters");
        }
        return text;
    }

    private static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw ApiProblem.validation(field, "must not be blank");
        }
        return text;
    }

    private static String priority(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        if (!PRIORITIES.contains(name)) {
            throw ApiProblem.validation("priority", "'" + text + "' is not one of LOW, MEDIUM, HIGH, CRITICAL");
        }
        return name;
    }

    /** 0 to 100000 hours with at most 2 decimals, stored with scale 2. */
    private static BigDecimal estimate(BigDecimal hours) {
        if (hours == null) {
            return null;
        }
        if (hours.signum() < 0 || hours.compareTo(MAX_ESTIMATE) > 0 || hours.stripTrailingZeros().scale() > 2) {
            throw ApiProblem.validation("estimatedHours", "must be 0 to " + MAX_ESTIMATE
                    + " hours with at most 2 decimals");
        }
        return hours.setScale(2);
    }

    /** Trimmed, sorted, no blanks (Strata's Tags). */
    private static TreeSet<String> tags(List<String> values) {
        TreeSet<String> tags = new TreeSet<>();
        for (String raw : values == null ? List.<String>of() : values) {
            if (raw == null || raw.isBlank()) {
                throw ApiProblem.validation("tags", "tags must not be blank");
            }
            String tag = raw.strip();
            if (tag.length() > MAX_TAG_LENGTH) {
                throw ApiProblem.validation("tags", "tag '" + tag.substring(0, 20) + "...' is longer than "
                        + MAX_TAG_LENGTH);
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw ApiProblem.validation("tags", "at most " + MAX_TAGS + " tags");
        }
        return tags;
    }

    /**
     * A JSON Merge Patch of the project's name and/or description: an absent field stays, {@code null}
     * clears the description (a name is required).
     */
    private record DetailsPatch(@Nullable String name, boolean descriptionGiven, @Nullable String description) {
        static DetailsPatch of(@Nullable JsonNode body) {
            if (body == null || !body.isObject()) {
                throw ApiProblem.validation(null, "the body must be a JSON object (a merge patch)");
            }
            for (Map.Entry<String, JsonNode> member : body.entries()) {
                if (!member.getKey().equals("name") && !member.getKey().equals("description")) {
                    throw ApiProblem.validation(member.getKey(), "cannot be patched; patchable fields: "
                            + "description, name");
                }
            }
            JsonNode name = body.get("name");
            JsonNode description = body.get("description");
            return new DetailsPatch(name == null ? null : required("name", text("name", name), NAME_MAX),
                    description != null, description == null ? null
                            : optional("description", text("description", description), TEXT_MAX));
        }

        private static @Nullable String text(String field, JsonNode value) {
            if (!value.isNull() && !value.isString()) {
                throw ApiProblem.validation(field, "must be a string or null");
            }
            return value.isNull() ? null : value.getStringValue();
        }

        boolean isEmpty() {
            return name == null && !descriptionGiven;
        }

        ProjectRow applyTo(ProjectRow project, Instant at) {
            return project.withDetails(name == null ? project.name() : name,
                    descriptionGiven ? description : project.description(), at);
        }
    }
}
