package io.strata.bench.peer.web.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.bench.peer.security.CurrentUser;
import io.strata.bench.peer.service.ProjectDetailsPatch;
import io.strata.bench.peer.service.ProjectService;
import io.strata.bench.peer.service.TaskService;
import io.strata.bench.peer.service.dto.NewTaskDTO;
import io.strata.bench.peer.service.dto.ProjectDTO;
import io.strata.bench.peer.service.dto.TaskDTO;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET} and {@code PATCH /api/v1/projects/{id}}, and {@code POST /api/v1/projects/{id}/tasks}. */
@RestController
@RequestMapping("/api/v1/projects")
public class ProjectResource {

    private static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final ProjectService projectService;
    private final TaskService taskService;

    public ProjectResource(ProjectService projectService, TaskService taskService) {
        this.projectService = projectService;
        this.taskService = taskService;
    }

    @GetMapping("/{id}")
    public ResponseEntity<ProjectDTO> getProject(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser caller) {
        ProjectDTO project = projectService.findOne(id, caller);
        return ResponseEntity.ok().eTag(ETags.of(project.version())).body(project);
    }

    @PatchMapping(value = "/{id}", consumes = {MERGE_PATCH_JSON, MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<ProjectDTO> patchProject(@PathVariable UUID id,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                   @RequestBody JsonNode body, @AuthenticationPrincipal CurrentUser caller) {
        long expectedVersion = ETags.requiredVersion(ifMatch);
        ProjectDTO project = projectService.updateDetails(id, expectedVersion, ProjectDetailsPatch.of(body), caller);
        return ResponseEntity.ok().eTag(ETags.of(project.version())).body(project);
    }

    @PostMapping("/{id}/tasks")
    public ResponseEntity<TaskDTO> addTask(@PathVariable UUID id, @Valid @RequestBody NewTaskDTO task,
                                           @AuthenticationPrincipal CurrentUser caller) {
        TaskDTO created = taskService.addTask(id, task, caller);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + created.id())).eTag(ETags.of(created.version())).body(created);
    }
}
