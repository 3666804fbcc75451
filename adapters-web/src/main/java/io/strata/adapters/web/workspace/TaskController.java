package io.strata.adapters.web.workspace;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.ETags;
import io.strata.adapters.web.shared.ListParameters;
import io.strata.adapters.web.shared.ListQuery;
import io.strata.adapters.web.shared.MergePatch;
import io.strata.adapters.web.shared.PageResponse;
import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.RequestValues;
import io.strata.adapters.web.shared.openapi.AccessProblems;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.adapters.web.shared.openapi.StaleVersionProblem;
import io.strata.adapters.web.shared.openapi.VersionProblems;
import io.strata.application.workspace.AddTaskDependencyUseCase;
import io.strata.application.workspace.ChangeTaskStatusUseCase;
import io.strata.application.workspace.LogTaskHoursUseCase;
import io.strata.application.workspace.RemoveTaskDependencyUseCase;
import io.strata.application.workspace.TaskPatch;
import io.strata.application.workspace.TaskQueries;
import io.strata.application.workspace.UpdateTaskUseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import io.strata.domain.workspace.TaskSearch;
import io.strata.domain.workspace.TaskStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;

/**
 * Tasks by id (read, merge-patch, status, hours, dependencies) and the caller's own tasks. A
 * project's task list and task creation live under {@code /api/v1/projects/{id}/tasks}
 * ({@link ProjectController}). Visibility and roles are decided in the use cases: a task of a
 * project the caller is not a member of does not exist (404).
 */
@Controller(TaskController.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Tasks")
@CommonProblems
@AccessProblems
public class TaskController {
    public static final String API = "/api/v1";
    public static final String BASE = API + "/tasks";

    private final TaskQueries tasks;
    private final UpdateTaskUseCase updateTask;
    private final ChangeTaskStatusUseCase changeStatus;
    private final LogTaskHoursUseCase logHours;
    private final AddTaskDependencyUseCase addDependency;
    private final RemoveTaskDependencyUseCase removeDependency;
    private final TaskWebMapper mapper;

    public TaskController(
            TaskQueries tasks,
            UpdateTaskUseCase updateTask,
            ChangeTaskStatusUseCase changeStatus,
            LogTaskHoursUseCase logHours,
            AddTaskDependencyUseCase addDependency,
            RemoveTaskDependencyUseCase removeDependency,
            TaskWebMapper mapper) {
        this.tasks = tasks;
        this.updateTask = updateTask;
        this.changeStatus = changeStatus;
        this.logHours = logHours;
        this.addDependency = addDependency;
        this.removeDependency = removeDependency;
        this.mapper = mapper;
    }

    @Get("/me/tasks")
    @Operation(
            summary = "Tasks assigned to the caller, across projects",
            description = "Paging, sorting and filters (field=op.value) as the parameters list them, as for "
                    + "/api/v1/projects/{id}/tasks (e.g. projectId=eq.X, status=in.TODO,IN_PROGRESS, overdue=is.true).")
    public PageResponse<TaskResponse> mine(
            @Parameter(hidden = true) Actor actor,
            @ListParameters(value = TaskSearch.class, q = "title and description") ListQuery query) {
        return PageResponse.of(tasks.mine(actor, query.criteria(), query.page()), mapper::toResponse);
    }

    @Get("/tasks/{id}")
    @Operation(summary = "Get a task")
    @ApiResponse(
            responseCode = "200",
            description = "The task; ETag set",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    public HttpResponse<TaskResponse> get(@Parameter(hidden = true) Actor actor, UUID id) {
        return ok(tasks.get(actor, new TaskId(id)));
    }

    @Patch("/tasks/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Update a task (JSON Merge Patch; any non-GUEST member)",
            description = "Patchable: title, description, priority, estimatedHours, dueDate, tags, assigneeId "
                    + "(a member; null unassigns). Requires If-Match with the ETag read.")
    @RequestBody(
            content = {
                @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = TaskPatchRequest.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = TaskPatchRequest.class))
            })
    @ApiResponse(
            responseCode = "200",
            description = "Updated; new ETag",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @VersionProblems
    public HttpResponse<TaskResponse> patch(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Header(HttpHeaders.IF_MATCH)
                    @Nullable @Parameter(required = true, description = ProjectController.IF_MATCH_DOC)
                    String ifMatch,
            @Body @Parameter(hidden = true) JsonNode body) {
        long expected = ETags.requireIfMatch(ifMatch);
        TaskPatch patch = WorkspaceRequests.taskPatch(body);
        return ok(updateTask.update(new UpdateTaskUseCase.Command(actor, new TaskId(id), expected, patch)));
    }

    @Post("/tasks/{id}/status")
    @Operation(
            summary = "Move a task to a status (any non-GUEST member)",
            description = "TODO, IN_PROGRESS, BLOCKED, DONE (only when every dependency is DONE or CANCELLED), "
                    + "CANCELLED. Updates the project's taskCount and completion. If-Match is optional.")
    @ApiResponse(
            responseCode = "200",
            description = "The task; new ETag",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Already in that status, an open dependency blocks DONE, a DONE "
                    + "dependent blocks reopening, or the project is closed",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @StaleVersionProblem
    public HttpResponse<TaskResponse> changeStatus(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Header(HttpHeaders.IF_MATCH) @Nullable @Parameter(description = ProjectController.OPTIONAL_IF_MATCH_DOC)
                    String ifMatch,
            @Body StatusRequest body) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        TaskStatus status = RequestValues.enumValue("status", body.status(), TaskStatus.class);
        return ok(changeStatus.changeStatus(
                new ChangeTaskStatusUseCase.Command(actor, new TaskId(id), status, expected)));
    }

    @Post("/tasks/{id}/hours")
    @Operation(
            summary = "Log hours worked on a task (any non-GUEST member)",
            description = "Adds to actualHours; concurrent logs all count.")
    @ApiResponse(
            responseCode = "200",
            description = "The task; new ETag",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    public HttpResponse<TaskResponse> logHours(
            @Parameter(hidden = true) Actor actor, UUID id, @Body HoursRequest body) {
        return ok(logHours.logHours(new LogTaskHoursUseCase.Command(actor, new TaskId(id), body.hours())));
    }

    @Post("/tasks/{id}/dependencies")
    @Operation(
            summary = "Make a task depend on another task of its project (any non-GUEST member)",
            description = "A dependency that would close a cycle is a 409 whose detail names the cycle.")
    @ApiResponse(
            responseCode = "200",
            description = "The task; new ETag",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Cycle, itself, another project, already a dependency, or a DONE "
                    + "task depending on an open one",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<TaskResponse> addDependency(
            @Parameter(hidden = true) Actor actor, UUID id, @Body DependencyRequest body) {
        TaskId dependsOn = new TaskId(RequestValues.uuid("taskId", body.taskId()));
        return ok(addDependency.addDependency(new AddTaskDependencyUseCase.Command(actor, new TaskId(id), dependsOn)));
    }

    @Delete("/tasks/{id}/dependencies/{dependsOnId}")
    @Operation(
            summary = "Remove a dependency (any non-GUEST member)",
            description = "Requires If-Match: the task's ETag.")
    @ApiResponse(
            responseCode = "200",
            description = "The task; new ETag",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The task does not depend on that task",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @VersionProblems
    public HttpResponse<TaskResponse> removeDependency(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            UUID dependsOnId,
            @Header(HttpHeaders.IF_MATCH)
                    @Nullable @Parameter(required = true, description = ProjectController.IF_MATCH_DOC)
                    String ifMatch) {
        long expected = ETags.requireIfMatch(ifMatch);
        return ok(removeDependency.removeDependency(
                new RemoveTaskDependencyUseCase.Command(actor, new TaskId(id), new TaskId(dependsOnId), expected)));
    }

    private MutableHttpResponse<TaskResponse> ok(Task task) {
        return ETags.tag(HttpResponse.ok(mapper.toResponse(task)), task.version());
    }

    static URI location(UUID id) {
        return URI.create(BASE + "/" + id);
    }
}
