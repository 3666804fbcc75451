package io.strata.bench.peer.service;

import io.strata.bench.peer.domain.Priority;
import io.strata.bench.peer.domain.Project;
import io.strata.bench.peer.domain.Role;
import io.strata.bench.peer.domain.Task;
import io.strata.bench.peer.domain.TaskStatus;
import io.strata.bench.peer.repository.ProjectRepository;
import io.strata.bench.peer.repository.TaskRepository;
import io.strata.bench.peer.repository.TaskTally;
import io.strata.bench.peer.repository.UserRepository;
import io.strata.bench.peer.security.CurrentUser;
import io.strata.bench.peer.service.dto.NewTaskDTO;
import io.strata.bench.peer.service.dto.TaskDTO;
import io.strata.bench.peer.web.rest.errors.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.bench.peer.domain.OutboxEvent;
import io.strata.bench.peer.repository.OutboxEventRepository;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks of a project. Any member but a GUEST adds tasks to an open project; every change of its tasks refreshes the
 * project's counters under the project's row lock, so concurrent changes never miscount.
 */
@Service
@Transactional
public class TaskService {

    private final ProjectRepository projectRepository;
    private final TaskRepository taskRepository;
    private final UserRepository userRepository;
    private final OutboxEventRepository outbox;
    private final ObjectMapper objectMapper;

    public TaskService(ProjectRepository projectRepository, TaskRepository taskRepository, UserRepository userRepository,
                       OutboxEventRepository outbox, ObjectMapper objectMapper) {
        this.projectRepository = projectRepository;
        this.taskRepository = taskRepository;
        this.userRepository = userRepository;
        this.outbox = outbox;
        this.objectMapper = objectMapper;
    }

    public TaskDTO addTask(UUID projectId, NewTaskDTO request, CurrentUser caller) {
        Project project = projectRepository.findByIdForUpdate(projectId)
                .filter(p -> caller.isAdmin() || p.isMember(caller.id()))
                .orElseThrow(() -> Problems.notFound("Project", projectId));
        if (caller.role() == Role.GUEST) {
            throw Problems.forbidden("GUEST users can only read projects and tasks");
        }
        if (!project.isOpen()) {
            throw Problems.conflict("project " + projectId + " is " + project.getStatus() + "; reopen it to change its tasks");
        }
        if (request.assigneeId() != null && !project.isMember(request.assigneeId())) {
            throw Problems.validation("assigneeId", "user " + request.assigneeId() + " is not a member of project " + projectId);
        }

        Task task = new Task();
        task.setProject(project);
        task.setTitle(request.title().strip());
        task.setDescription(request.description() == null || request.description().isBlank() ? null : request.description().strip());
        task.setPriority(request.priority() == null ? Priority.MEDIUM : request.priority());
        task.setAssignee(request.assigneeId() == null ? null : userRepository.getReferenceById(request.assigneeId()));
        task.setEstimatedHours(request.estimatedHours() == null ? null : request.estimatedHours().setScale(2, RoundingMode.UNNECESSARY));
        task.setDueDate(request.dueDate());
        task.setTags(request.tags() == null ? List.of() : List.copyOf(new TreeSet<>(request.tags().stream().map(String::strip).toList())));
        task = taskRepository.save(task);
        outbox.save(taskCreated(task, projectId, request.assigneeId()));

        TaskTally tally = taskRepository.tally(projectId, TaskStatus.DONE, TaskStatus.CANCELLED);
        project.updateTaskCounters(tally.total(), tally.done(), tally.cancelled());
        return TaskDTO.from(task);
    }

    private OutboxEvent taskCreated(Task task, UUID projectId, UUID assigneeId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskId", task.getId());
        payload.put("projectId", projectId);
        payload.put("title", task.getTitle());
        payload.put("assigneeId", assigneeId);
        try {
            return new OutboxEvent("workspace.Task", task.getId(), 1, "workspace.TaskCreated",
                    objectMapper.writeValueAsString(payload), Instant.now());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
