package io.strata.adapters.web.workspace;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.strata.adapters.web.shared.MergePatch;
import io.strata.adapters.web.shared.RequestValues;
import io.strata.application.shared.Change;
import io.strata.application.workspace.AddTaskUseCase;
import io.strata.application.workspace.CreateProjectUseCase;
import io.strata.application.workspace.ProjectPatch;
import io.strata.application.workspace.TaskPatch;
import io.strata.domain.shared.error.ValidationCollector;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.TaskId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Request bodies to commands for the workspace controllers: ids, enums and budgets are read here,
 * and every unreadable field of a body (including {@code tasks[i].*}) is reported in one 400.
 * Business rules (titles, members, dependency keys, cycles ...) stay in the use cases.
 */
final class WorkspaceRequests {
    private WorkspaceRequests() {}

    static CreateProjectUseCase.Command createProject(Actor actor, CreateProjectRequest body) {
        ValidationCollector errors = new ValidationCollector();
        Priority priority = errors.check(() -> RequestValues.enumValue("priority", body.priority(), Priority.class));
        Set<UserId> members = userIds("members", body.members(), errors);
        Budget budget = body.budget() == null
                ? null
                : budget("budget", body.budget().amount(), body.budget().currency(), errors);
        List<CreateProjectUseCase.NewTask> tasks = new ArrayList<>();
        List<NewTaskRequest> requested = body.tasks() == null ? List.of() : body.tasks();
        for (int i = 0; i < requested.size(); i++) {
            String prefix = "tasks[" + i + "]";
            NewTaskRequest task = requested.get(i);
            if (task == null) {
                tasks.add(null); // reported by the use case as tasks[i]
                continue;
            }
            Priority taskPriority =
                    errors.check(() -> RequestValues.enumValue(prefix + ".priority", task.priority(), Priority.class));
            UserId assignee = userId(prefix + ".assigneeId", task.assigneeId(), errors);
            tasks.add(new CreateProjectUseCase.NewTask(
                    task.key(),
                    task.title(),
                    task.description(),
                    taskPriority,
                    assignee,
                    task.estimatedHours(),
                    task.dueDate(),
                    task.tags(),
                    task.dependsOn()));
        }
        errors.throwIfAny();
        return new CreateProjectUseCase.Command(
                actor,
                body.name(),
                body.description(),
                priority,
                members,
                body.startDate(),
                body.dueDate(),
                budget,
                body.tags(),
                tasks);
    }

    static AddTaskUseCase.Command addTask(Actor actor, ProjectId projectId, AddTaskRequest body) {
        ValidationCollector errors = new ValidationCollector();
        Priority priority = errors.check(() -> RequestValues.enumValue("priority", body.priority(), Priority.class));
        UserId assignee = userId("assigneeId", body.assigneeId(), errors);
        List<TaskId> dependsOn = new ArrayList<>();
        List<String> requested = body.dependsOn() == null ? List.of() : body.dependsOn();
        for (int i = 0; i < requested.size(); i++) {
            String field = "dependsOn[" + i + "]";
            String text = requested.get(i);
            TaskId id = errors.check(() -> new TaskId(RequestValues.uuid(field, text)));
            if (id != null) {
                dependsOn.add(id);
            }
        }
        errors.throwIfAny();
        return new AddTaskUseCase.Command(
                actor,
                projectId,
                body.title(),
                body.description(),
                priority,
                assignee,
                body.estimatedHours(),
                body.dueDate(),
                body.tags(),
                dependsOn);
    }

    static ProjectPatch projectPatch(JsonNode body) {
        ValidationCollector errors = new ValidationCollector();
        ProjectPatch patch = errors.check(() -> MergePatch.of(body, ProjectPatchRequest.class)
                .build(p -> new ProjectPatch(
                        p.text("name"),
                        p.text("description"),
                        p.enumValue("priority", Priority.class),
                        p.date("startDate"),
                        p.date("dueDate"),
                        budget(p.object("budget"), errors),
                        p.stringSet("tags"))));
        errors.throwIfAny();
        return patch;
    }

    static TaskPatch taskPatch(JsonNode body) {
        ValidationCollector errors = new ValidationCollector();
        TaskPatch patch = errors.check(() -> MergePatch.of(body, TaskPatchRequest.class)
                .build(p -> new TaskPatch(
                        p.text("title"),
                        p.text("description"),
                        p.enumValue("priority", Priority.class),
                        p.decimal("estimatedHours"),
                        p.date("dueDate"),
                        p.stringSet("tags"),
                        map(p.uuid("assigneeId"), UserId::new))));
        errors.throwIfAny();
        return patch;
    }

    // ---------------------------------------------------------------- helpers

    private static @Nullable UserId userId(String field, @Nullable String text, ValidationCollector errors) {
        return text == null ? null : errors.check(() -> new UserId(RequestValues.uuid(field, text)));
    }

    private static Set<UserId> userIds(String field, @Nullable List<String> texts, ValidationCollector errors) {
        Set<UserId> ids = new LinkedHashSet<>();
        if (texts == null) {
            return ids;
        }
        for (int i = 0; i < texts.size(); i++) {
            String item = field + "[" + i + "]";
            String text = texts.get(i);
            UserId id = errors.check(() -> new UserId(RequestValues.uuid(item, text)));
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static @Nullable Budget budget(
            String field, @Nullable BigDecimal amount, @Nullable String currency, ValidationCollector errors) {
        try {
            return new Budget(amount, currency);
        } catch (ValidationException e) {
            // Budget names its fields budget.amount / budget.currency
            e.errors()
                    .forEach(f -> errors.add(
                            f.field() != null && f.field().startsWith("budget.")
                                    ? field + f.field().substring("budget".length())
                                    : field,
                            f.message()));
            return null;
        }
    }

    /** A merge-patched budget: replaced as a whole, {@code {amount, currency}}; null clears it. */
    private static Change<Budget> budget(Change<Map<String, Object>> raw, ValidationCollector errors) {
        if (!raw.present() || raw.value() == null) {
            return raw.present() ? Change.to(null) : Change.absent();
        }
        Map<String, Object> value = raw.value();
        boolean unreadable = false;
        for (String key : value.keySet()) {
            if (!key.equals("amount") && !key.equals("currency")) {
                errors.add("budget." + key, "unknown field; allowed: amount, currency");
                unreadable = true;
            }
        }
        BigDecimal amount = null;
        Object rawAmount = value.get("amount");
        try {
            amount = rawAmount == null ? null : new BigDecimal(((Number) rawAmount).toString());
        } catch (ClassCastException | NumberFormatException e) {
            errors.add("budget.amount", "must be a number");
            unreadable = true;
        }
        Object rawCurrency = value.get("currency");
        if (rawCurrency != null && !(rawCurrency instanceof String)) {
            errors.add("budget.currency", "must be a string such as EUR");
            unreadable = true;
        }
        if (unreadable) {
            return Change.absent();
        }
        Budget budget = budget("budget", amount, (String) rawCurrency, errors);
        return budget == null ? Change.absent() : Change.to(budget);
    }

    private static <A, B> Change<B> map(Change<A> change, Function<A, B> mapper) {
        if (!change.present()) {
            return Change.absent();
        }
        return Change.to(change.value() == null ? null : mapper.apply(change.value()));
    }
}
