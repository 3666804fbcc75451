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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.ClientNumbers;
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
import io.strata.application.workspace.AddProjectMemberUseCase;
import io.strata.application.workspace.AddTaskUseCase;
import io.strata.application.workspace.ChangeProjectStatusUseCase;
import io.strata.application.workspace.CreateProjectUseCase;
import io.strata.application.workspace.ProjectPatch;
import io.strata.application.workspace.ProjectQueries;
import io.strata.application.workspace.RemoveProjectMemberUseCase;
import io.strata.application.workspace.TaskQueries;
import io.strata.application.workspace.UpdateProjectUseCase;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.ProjectSearch;
import io.strata.domain.workspace.ProjectStatus;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskSearch;
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
 * Projects: create (with initial tasks), read, search, merge-patch, status, progress, members, and
 * the project's task list and task creation. Thin: parse, call one use case, map. Members (and
 * ADMIN) see a project; to anyone else it does not exist (404), decided in the use cases.
 */
@Controller(ProjectController.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Projects")
@CommonProblems
@AccessProblems
public class ProjectController {
    public static final String BASE = "/api/v1/projects";
    public static final String INCLUDE_TASKS = "tasks";
    public static final int DEFAULT_TASK_LIMIT = 50;
    static final String IF_MATCH_DOC = "ETag of the version being changed, e.g. \"3\" (428 when missing)";
    static final String OPTIONAL_IF_MATCH_DOC = "Optional: ETag of the version read; 412 if it changed since";

    private final CreateProjectUseCase createProject;
    private final ProjectQueries projects;
    private final TaskQueries tasks;
    private final UpdateProjectUseCase updateProject;
    private final ChangeProjectStatusUseCase changeStatus;
    private final AddProjectMemberUseCase addMember;
    private final RemoveProjectMemberUseCase removeMember;
    private final AddTaskUseCase addTask;
    private final ProjectWebMapper mapper;
    private final TaskWebMapper taskMapper;

    public ProjectController(
            CreateProjectUseCase createProject,
            ProjectQueries projects,
            TaskQueries tasks,
            UpdateProjectUseCase updateProject,
            ChangeProjectStatusUseCase changeStatus,
            AddProjectMemberUseCase addMember,
            RemoveProjectMemberUseCase removeMember,
            AddTaskUseCase addTask,
            ProjectWebMapper mapper,
            TaskWebMapper taskMapper) {
        this.createProject = createProject;
        this.projects = projects;
        this.tasks = tasks;
        this.updateProject = updateProject;
        this.changeStatus = changeStatus;
        this.addMember = addMember;
        this.removeMember = removeMember;
        this.addTask = addTask;
        this.mapper = mapper;
        this.taskMapper = taskMapper;
    }

    @Post
    @Operation(
            summary = "Create a project with its initial tasks",
            description = "One transaction: all or nothing. Every invalid task field is reported at once as "
                    + "tasks[i].field. Initial tasks name each other in dependsOn by key or position. The caller "
                    + "becomes the owner. Honours Idempotency-Key.")
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers set",
            content = @Content(schema = @Schema(implementation = ProjectWithTasksResponse.class)))
    public HttpResponse<ProjectWithTasksResponse> create(
            @Parameter(hidden = true) Actor actor, @Body CreateProjectRequest body) {
        CreateProjectUseCase.ProjectWithTasks created =
                createProject.create(WorkspaceRequests.createProject(actor, body));
        Project project = created.project();
        return ETags.tag(
                HttpResponse.created(
                        mapper.toResponse(created), location(project.id().value())),
                project.version());
    }

    @Get
    @Operation(
            summary = "Search the projects the caller is a member of (ADMIN: all)",
            description = "Paging, sorting and filters (field=op.value) as the parameters list them; memberId=eq.X "
                    + "finds the projects X is a member of.")
    public PageResponse<ProjectResponse> search(
            @Parameter(hidden = true) Actor actor,
            @ListParameters(value = ProjectSearch.class, q = "name and description") ListQuery query) {
        return PageResponse.of(projects.search(actor, query.criteria(), query.page()), mapper::toResponse);
    }

    @Get("/{id}")
    @Operation(
            summary = "Get a project",
            description = "?include=tasks embeds the first page of its tasks as tasks {items, page} (taskLimit 1 to "
                    + "200, default 50); tasks.page.nextCursor continues at /api/v1/projects/{id}/tasks?cursor=")
    @ApiResponse(
            responseCode = "200",
            description = "The project; ETag set",
            content = @Content(schema = @Schema(implementation = ProjectWithTaskPageResponse.class)))
    public HttpResponse<?> get(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @QueryValue @Nullable @Parameter(schema = @Schema(allowableValues = INCLUDE_TASKS)) String include,
            @QueryValue
                    @Nullable @Parameter(
                            description = "Tasks embedded with include=tasks",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
                    String taskLimit) {
        boolean withTasks = include != null && !include.isBlank();
        if (withTasks && !INCLUDE_TASKS.equals(include.strip())) {
            throw new ValidationException("include", "'" + include + "' cannot be included; allowed: " + INCLUDE_TASKS);
        }
        if (taskLimit != null && !withTasks) {
            throw new ValidationException("taskLimit", "only applies with include=" + INCLUDE_TASKS);
        }
        int limit = taskLimit(taskLimit);
        ProjectId projectId = new ProjectId(id);
        if (!withTasks) {
            return ok(projects.get(actor, projectId));
        }
        ProjectQueries.ProjectWithTaskPage found =
                projects.getWithTasks(actor, projectId, PageRequest.first(limit, TaskSearch.SCHEMA.defaultSort()));
        return ETags.tag(
                HttpResponse.ok(new ProjectWithTaskPageResponse(
                        mapper.toResponse(found.project()), PageResponse.of(found.tasks(), taskMapper::toResponse))),
                found.project().version());
    }

    @Patch("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Update a project (JSON Merge Patch; owner, MANAGER members, ADMIN)",
            description = "Patchable: name, description, priority, startDate, dueDate, budget, tags. "
                    + "Requires If-Match with the ETag read.")
    @RequestBody(
            content = {
                @Content(
                        mediaType = MergePatch.MEDIA_TYPE,
                        schema = @Schema(implementation = ProjectPatchRequest.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ProjectPatchRequest.class))
            })
    @ApiResponse(
            responseCode = "200",
            description = "Updated; new ETag",
            content = @Content(schema = @Schema(implementation = ProjectResponse.class)))
    @VersionProblems
    public HttpResponse<ProjectResponse> patch(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Header(HttpHeaders.IF_MATCH) @Nullable @Parameter(required = true, description = IF_MATCH_DOC)
                    String ifMatch,
            @Body @Parameter(hidden = true) JsonNode body) {
        long expected = ETags.requireIfMatch(ifMatch);
        ProjectPatch patch = WorkspaceRequests.projectPatch(body);
        return ok(updateProject.update(new UpdateProjectUseCase.Command(actor, new ProjectId(id), expected, patch)));
    }

    @Post("/{id}/status")
    @Operation(
            summary = "Move a project to a status (owner, MANAGER members, ADMIN)",
            description = "PLANNING, ACTIVE, ON_HOLD, COMPLETED (only when every task is DONE or CANCELLED), "
                    + "CANCELLED. If-Match is optional.")
    @ApiResponse(
            responseCode = "200",
            description = "The project; new ETag",
            content = @Content(schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Already in that status, or open tasks block COMPLETED",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @StaleVersionProblem
    public HttpResponse<ProjectResponse> changeStatus(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Header(HttpHeaders.IF_MATCH) @Nullable @Parameter(description = OPTIONAL_IF_MATCH_DOC) String ifMatch,
            @Body StatusRequest body) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        ProjectStatus status = RequestValues.enumValue("status", body.status(), ProjectStatus.class);
        return ok(changeStatus.changeStatus(
                new ChangeProjectStatusUseCase.Command(actor, new ProjectId(id), status, expected)));
    }

    @Get("/{id}/progress")
    @Operation(
            summary = "A project's progress",
            description = "Task counts by status, estimated vs worked hours, overdue open tasks (one query)")
    @ApiResponse(
            responseCode = "200",
            description = "The progress",
            content = @Content(schema = @Schema(implementation = ProjectProgressResponse.class)))
    public ProjectProgressResponse progress(@Parameter(hidden = true) Actor actor, UUID id) {
        return mapper.toResponse(projects.progress(actor, new ProjectId(id)));
    }

    @Post("/{id}/members")
    @Operation(summary = "Add a member (owner, MANAGER members, ADMIN)")
    @ApiResponse(
            responseCode = "200",
            description = "The project; new ETag",
            content = @Content(schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Already a member, or the project is full",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ProjectResponse> addMember(
            @Parameter(hidden = true) Actor actor, UUID id, @Body MemberRequest body) {
        UserId userId = new UserId(RequestValues.uuid("userId", body.userId()));
        return ok(addMember.addMember(new AddProjectMemberUseCase.Command(actor, new ProjectId(id), userId)));
    }

    @Delete("/{id}/members/{userId}")
    @Operation(
            summary = "Remove a member (owner, MANAGER members, ADMIN)",
            description =
                    "Not the owner, nor a member with open assigned tasks. Requires If-Match: the project's ETag.")
    @ApiResponse(
            responseCode = "200",
            description = "The project; new ETag",
            content = @Content(schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The owner, not a member, or open tasks assigned",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @VersionProblems
    public HttpResponse<ProjectResponse> removeMember(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            UUID userId,
            @Header(HttpHeaders.IF_MATCH) @Nullable @Parameter(required = true, description = IF_MATCH_DOC)
                    String ifMatch) {
        long expected = ETags.requireIfMatch(ifMatch);
        return ok(removeMember.removeMember(
                new RemoveProjectMemberUseCase.Command(actor, new ProjectId(id), new UserId(userId), expected)));
    }

    @Get("/{id}/tasks")
    @Tag(name = "Tasks")
    @Operation(
            summary = "Search a project's tasks",
            description = "Paging, sorting and filters (field=op.value) as the parameters list them; "
                    + "overdue=is.true: due before today and still open.")
    public PageResponse<TaskResponse> tasks(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @ListParameters(value = TaskSearch.class, q = "title and description") ListQuery query) {
        return PageResponse.of(
                tasks.inProject(actor, new ProjectId(id), query.criteria(), query.page()), taskMapper::toResponse);
    }

    @Post("/{id}/tasks")
    @Tag(name = "Tasks")
    @Operation(
            summary = "Add a task to an open project (any non-GUEST member)",
            description = "assigneeId must be a project member; dependsOn are ids of tasks of the same project. "
                    + "Honours Idempotency-Key.")
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location (/api/v1/tasks/{id}) and ETag set",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The project is COMPLETED or CANCELLED, or a dependency is invalid",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<TaskResponse> addTask(
            @Parameter(hidden = true) Actor actor, UUID id, @Body AddTaskRequest body) {
        Task task = addTask.addTask(WorkspaceRequests.addTask(actor, new ProjectId(id), body));
        return ETags.tag(
                HttpResponse.created(
                        taskMapper.toResponse(task),
                        TaskController.location(task.id().value())),
                task.version());
    }

    private static int taskLimit(@Nullable String text) {
        return ClientNumbers.limit(text, "taskLimit", PageRequest.MAX_LIMIT, DEFAULT_TASK_LIMIT);
    }

    private MutableHttpResponse<ProjectResponse> ok(Project project) {
        return ETags.tag(HttpResponse.ok(mapper.toResponse(project)), project.version());
    }

    static URI location(UUID id) {
        return URI.create(BASE + "/" + id);
    }
}
