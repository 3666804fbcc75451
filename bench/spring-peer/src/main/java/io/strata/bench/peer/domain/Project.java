package io.strata.bench.peer.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code projects}. The members are the user ids of {@code project_members}, a plain join table, mapped as
 * an element collection (the API shows ids only, so there is no reason to load the users).
 */
@Entity
@Table(name = "projects")
public class Project extends AbstractAuditingEntity {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description")
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ProjectStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority", nullable = false)
    private Priority priority;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private UUID ownerId;

    @ElementCollection
    @CollectionTable(name = "project_members", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "user_id", nullable = false)
    @OrderBy
    private Set<UUID> members = new LinkedHashSet<>();

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "budget_amount", precision = 14, scale = 2)
    private BigDecimal budgetAmount;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "budget_currency", length = 3)
    private String budgetCurrency;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tags", nullable = false)
    private List<String> tags = new ArrayList<>();

    @Column(name = "task_count", nullable = false)
    private long taskCount;

    @Column(name = "completion", nullable = false)
    private int completion;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public ProjectStatus getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public Set<UUID> getMembers() {
        return members;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public BigDecimal getBudgetAmount() {
        return budgetAmount;
    }

    public String getBudgetCurrency() {
        return budgetCurrency;
    }

    public List<String> getTags() {
        return tags;
    }

    public long getTaskCount() {
        return taskCount;
    }

    public int getCompletion() {
        return completion;
    }

    public boolean isMember(UUID userId) {
        return members.contains(userId);
    }

    /** Tasks can be added and changed while the project is neither completed nor cancelled. */
    public boolean isOpen() {
        return status != ProjectStatus.COMPLETED && status != ProjectStatus.CANCELLED;
    }

    /** The counters shown with the project: how many tasks, and percent DONE of those not CANCELLED (rounded down). */
    public void updateTaskCounters(long total, long done, long cancelled) {
        long counted = total - cancelled;
        this.taskCount = total;
        this.completion = counted == 0 ? 0 : (int) (done * 100 / counted);
    }
}
