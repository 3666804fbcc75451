package io.strata.domain.workspace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The "depends on" edges of one project's tasks, to keep them free of cycles. */
public final class DependencyGraph {
    private final Map<TaskId, Set<TaskId>> edges = new HashMap<>();

    /** {@code edges}: task -> the tasks it depends on. */
    public DependencyGraph(Map<TaskId, ? extends Set<TaskId>> edges) {
        edges.forEach((from, to) -> this.edges.put(from, new LinkedHashSet<>(to)));
    }

    /** The cycle {@code from -> to -> ... -> from} that adding the edge would close, if any. */
    public Optional<List<TaskId>> cycleIfAdded(TaskId from, TaskId to) {
        return path(to, from).map(path -> {
            List<TaskId> cycle = new ArrayList<>();
            cycle.add(from);
            cycle.addAll(path);
            return cycle;
        });
    }

    public void add(TaskId from, TaskId to) {
        edges.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
    }

    /** A path start -> ... -> goal following edges (breadth-first, so the shortest), if one exists. */
    private Optional<List<TaskId>> path(TaskId start, TaskId goal) {
        Map<TaskId, TaskId> cameFrom = new HashMap<>();
        Set<TaskId> seen = new HashSet<>(Set.of(start));
        Deque<TaskId> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            TaskId current = queue.poll();
            if (current.equals(goal)) {
                List<TaskId> path = new ArrayList<>();
                for (TaskId step = goal; step != null; step = cameFrom.get(step)) {
                    path.add(0, step);
                }
                return Optional.of(path);
            }
            for (TaskId next : edges.getOrDefault(current, Set.of())) {
                if (seen.add(next)) {
                    cameFrom.put(next, current);
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }
}
