package io.strata.adapters.persistence.shared;

import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.DomainEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Hibernate;

/**
 * How every adapter stores aggregates: new ones ({@link #insert}, {@link #insertAll}), changes of loaded ones
 * ({@link #saveChanges}), deletions ({@link #delete}), so optimistic locking works one way everywhere, and so the
 * events each aggregate recorded are appended to the outbox ({@link Outbox}) in the same transaction, by this
 * class: an adapter cannot store an aggregate and forget its events. A write that records no event costs no
 * extra statement; one that does costs one {@code INSERT} for all its events.
 *
 * <p>The aggregate's id is its row's id; its type is its class ({@code identity.User}). Bulk statements that
 * change many aggregates without loading them report what they changed through {@link #appendEvents}.
 *
 * <p>A hot aggregate can skip Hibernate's flush and entity hydration: its adapter declares its row once
 * ({@link AggregateTable}), reads it for change with {@link #readForChange} and writes it with {@link #insertRow} and
 * the {@code saveChanges} that takes the table, each one prepared statement; its child rows stay Hibernate's.
 */
public final class AggregateWrites {
    private AggregateWrites() {}

    /**
     * Inserts a new aggregate's row and flushes, so the database's refusals (a taken unique value, an unknown
     * reference) surface here and go through {@code translate}; then appends the aggregate's events.
     */
    public static <E extends AggregateJpaColumns> E insert(
            EntityManager entityManager,
            AggregateRoot aggregate,
            E entity,
            Function<PersistenceException, RuntimeException> translate) {
        try {
            entityManager.persist(entity);
            entityManager.flush();
        } catch (PersistenceException e) {
            throw translate.apply(e);
        }
        Outbox.append(entityManager, List.of(stream(aggregate, entity.getId())), true);
        return entity;
    }

    /**
     * One new aggregate on the plain path: its row's {@code INSERT} as {@code table} declares it, bound from
     * {@code row} on the transaction's connection, no managed entity (a third of the CPU of a one-row flush went to
     * Hibernate's machinery around the statement); then its events. A row with child rows (members,
     * dependencies) goes through {@link #insert}, so Hibernate writes those. Nothing is flushed first: every write of
     * this class flushes, so the session holds no pending row this one could depend on.
     */
    public static <E extends AggregateJpaColumns> void insertRow(
            EntityManager entityManager,
            AggregateRoot aggregate,
            AggregateTable<E> table,
            E row,
            Function<PersistenceException, RuntimeException> translate) {
        if (table.hasChildren(row)) {
            insert(entityManager, aggregate, row, translate);
            return;
        }
        try {
            table.insert(PlainReads.statements(entityManager), row);
        } catch (PersistenceException e) {
            throw translate.apply(e);
        }
        Outbox.append(entityManager, List.of(stream(aggregate, row.getId())), true);
    }

    /**
     * The bulk path for new aggregates ({@link BulkInserts}: JDBC batches, no read per row, the entities detached
     * afterwards), then their events in a few multi-row statements. {@code toEntity} maps one aggregate to its row.
     */
    public static <A extends AggregateRoot, E extends AggregateJpaColumns> void insertAll(
            EntityManager entityManager,
            List<A> aggregates,
            Function<? super A, E> toEntity,
            Function<PersistenceException, RuntimeException> translate) {
        insertNew(
                entityManager,
                aggregates,
                toEntity,
                entities -> BulkInserts.persistAll(entityManager, entities),
                translate);
    }

    /**
     * The COPY path for many new aggregates ({@link CopyRows}: one {@code COPY ... FROM STDIN} stream instead of
     * INSERT batches, for bulk loads such as {@code strata db seed}), then their events as {@link #insertAll} does.
     * {@code toEntity} maps one aggregate to its row; {@code columns} declares what the row's columns take from it
     * (a test per use compares them with the entity's mapping).
     */
    public static <A extends AggregateRoot, E extends AggregateJpaColumns> void copyAll(
            EntityManager entityManager,
            List<A> aggregates,
            Function<? super A, E> toEntity,
            String table,
            CopyRows.Columns<E> columns,
            Function<PersistenceException, RuntimeException> translate) {
        insertNew(
                entityManager,
                aggregates,
                toEntity,
                entities -> CopyRows.copy(entityManager, table, columns, entities),
                translate);
    }

    /** Maps the aggregates to rows, stores the rows with {@code store}, then appends the aggregates' events. */
    private static <A extends AggregateRoot, E extends AggregateJpaColumns> void insertNew(
            EntityManager entityManager,
            List<A> aggregates,
            Function<? super A, E> toEntity,
            Consumer<List<E>> store,
            Function<PersistenceException, RuntimeException> translate) {
        List<E> entities = new ArrayList<>(aggregates.size());
        List<Outbox.Stream> streams = new ArrayList<>(aggregates.size());
        for (A aggregate : aggregates) {
            E entity = toEntity.apply(aggregate);
            entities.add(entity);
            streams.add(stream(aggregate, entity.getId()));
        }
        try {
            store.accept(entities);
        } catch (PersistenceException e) {
            throw translate.apply(e);
        }
        Outbox.append(entityManager, streams, true);
    }

    /**
     * The aggregate's row that this transaction may change, with the collection {@code fetchJoin} fetches (no row,
     * or one: {@code SELECT e FROM Entity e LEFT JOIN FETCH e.children WHERE e.id = :id}), as a managed entity for
     * {@link #saveChanges}: one statement. A typed query on the EntityManager rather than a Micronaut Data
     * repository method: the same SQL for ~5% less CPU per {@code PATCH /projects/{id}} (bench/run profile patch,
     * alternating builds), the repository's interceptor chain and parameter conversion being the difference.
     * The rows are read as a list: {@code maxResults(1)} on a fetch join is applied in memory (HHH90003004).
     */
    public static <E extends AggregateJpaColumns> Optional<E> loadForChange(
            EntityManager entityManager, String fetchJoin, Class<E> type, UUID id) {
        return entityManager.createQuery(fetchJoin, type).setParameter("id", id).getResultList().stream()
                .findFirst();
    }

    /**
     * Loads the row, checks it is still at {@code expectedVersion}, copies the aggregate's state onto it
     * and flushes: one {@code UPDATE ... WHERE id = ? AND version = ?}; then appends the aggregate's events. A row
     * that is gone is a {@link NotFoundException}; a version that moved on (before or during the flush) is a
     * {@link StaleVersionException}; any other refusal of the database goes through {@code translate}.
     * Returns the entity at its new version, for mapping back to the domain.
     *
     * @param what   how errors name the aggregate ("Task"), with {@code shownId} as its id
     */
    public static <E extends AggregateJpaColumns> E saveChanges(
            EntityManager entityManager,
            AggregateRoot aggregate,
            Class<E> type,
            UUID id,
            long expectedVersion,
            String what,
            Object shownId,
            Consumer<E> copyChanges,
            Function<PersistenceException, RuntimeException> translate) {
        E entity = atVersion(entityManager.find(type, id), expectedVersion, what, shownId);
        copyChanges.accept(entity);
        return flushChanges(entityManager, aggregate, entity, type, id, expectedVersion, what, shownId, translate);
    }

    /** The loaded row, if there is one and it is still at {@code expectedVersion}. */
    private static <E extends AggregateJpaColumns> E atVersion(
            E loaded, long expectedVersion, String what, Object shownId) {
        if (loaded == null) {
            throw new NotFoundException(what, shownId);
        }
        if (loaded.getVersion() != expectedVersion) {
            throw new StaleVersionException(what, shownId, expectedVersion, loaded.getVersion());
        }
        return loaded;
    }

    /** Flushes the changes copied onto a loaded entity, then appends the aggregate's events. */
    private static <E extends AggregateJpaColumns> E flushChanges(
            EntityManager entityManager,
            AggregateRoot aggregate,
            E entity,
            Class<E> type,
            UUID id,
            long expectedVersion,
            String what,
            Object shownId,
            Function<PersistenceException, RuntimeException> translate) {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw staleOr(e, entityManager, type, id, expectedVersion, what, shownId, translate);
        }
        Outbox.Stream events = stream(aggregate, id);
        if (entity.getVersion() == expectedVersion) {
            requireNoEvents(events, what, shownId);
        }
        Outbox.append(entityManager, List.of(events), false);
        return entity;
    }

    /** The sequence numbers of events rely on the row lock of this transaction's UPDATE: no update, no lock. */
    private static void requireNoEvents(Outbox.Stream events, String what, Object shownId) {
        if (!events.events().isEmpty()) {
            throw new IllegalStateException(
                    what + " " + shownId + " recorded " + events.events() + " without a change to store");
        }
    }

    /**
     * The aggregate's row that this transaction may change, read on the plain path by {@code read} (with the
     * transaction's {@link PlainReads.Statements}) into a detached entity with its child collections filled,
     * and kept with its state as read ({@link AggregateTable}), so that {@link #saveChanges(EntityManager,
     * AggregateRoot, AggregateTable, UUID, long, String, Object, Consumer, Function)} can write it without a managed
     * entity or a second read. Hibernate's query and entity hydration were the larger part of the CPU of loading a
     * project to change it ({@code bench/run profile patch}).
     */
    public static <E extends AggregateJpaColumns> Optional<E> readForChange(
            EntityManager entityManager, AggregateTable<E> table, Function<PlainReads.Statements, Optional<E>> read) {
        PlainReads.Statements statements = PlainReads.statements(entityManager);
        Optional<E> row = read.apply(statements);
        row.ifPresent(found -> table.remember(statements, found));
        return row;
    }

    /**
     * {@link #saveChanges} on the plain path. The row is the one {@link #readForChange} read in this transaction (one
     * it did not read is saved by Hibernate, as there); it is checked at {@code expectedVersion} and
     * {@code copyChanges} applied to it. Then, unless its child rows changed, the one {@code UPDATE ... WHERE id = ?
     * AND version = ?} that {@code table} declares is bound from it, no flush; a row whose values did not change is
     * not written and keeps its version, as Hibernate's dirty check would have it. When the child rows changed,
     * Hibernate writes the row and the child rows that changed from a managed entity, read again for it (members
     * and dependencies change seldom). Then the events.
     */
    public static <E extends AggregateJpaColumns> E saveChanges(
            EntityManager entityManager,
            AggregateRoot aggregate,
            AggregateTable<E> table,
            UUID id,
            long expectedVersion,
            String what,
            Object shownId,
            Consumer<E> copyChanges,
            Function<PersistenceException, RuntimeException> translate) {
        PlainReads.Statements statements = PlainReads.statements(entityManager);
        AggregateTable.Loaded<E> read = table.loaded(statements, id);
        if (read == null) { // not read on the plain path (or saved by Hibernate before): Hibernate saves it
            return saveChanges(
                    entityManager, aggregate, table.type(), id, expectedVersion, what, shownId, copyChanges, translate);
        }
        E row = atVersion(read.row, expectedVersion, what, shownId);
        copyChanges.accept(row);
        if (table.childrenChanged(read)) {
            // Hibernate writes child rows: the managed entity, read again with its children in one statement
            table.forget(statements, id);
            E entity = atVersion(
                    loadForChange(entityManager, table.managedRowQuery(), table.type(), id)
                            .orElse(null),
                    expectedVersion,
                    what,
                    shownId);
            copyChanges.accept(entity);
            return flushChanges(
                    entityManager, aggregate, entity, table.type(), id, expectedVersion, what, shownId, translate);
        }
        Outbox.Stream events = stream(aggregate, id);
        if (table.sameValues(read.values, row)) {
            requireNoEvents(events, what, shownId);
            return row;
        }
        long nextVersion = expectedVersion + 1;
        int updated;
        try {
            updated = table.update(statements, row, expectedVersion, nextVersion);
        } catch (PersistenceException e) {
            table.forget(statements, id);
            throw translate.apply(e);
        }
        if (updated == 0) { // the row is gone, or another transaction moved its version on
            table.forget(statements, id);
            throw new StaleVersionException(
                    what, shownId, expectedVersion, PersistenceErrors.committedVersion(statements, table.table(), id));
        }
        row.setVersion(nextVersion);
        table.stored(read);
        Outbox.append(entityManager, List.of(events), false);
        return row;
    }

    /**
     * Deletes the row of a loaded aggregate ({@code entity}, read in this transaction) at the version it was read
     * with and flushes: one {@code DELETE ... WHERE id = ? AND version = ?}; then appends the aggregate's events
     * (its deletion). A version that moved on is a {@link StaleVersionException}; any other refusal of the
     * database goes through {@code translate}.
     */
    public static <E extends AggregateJpaColumns> void delete(
            EntityManager entityManager,
            AggregateRoot aggregate,
            E entity,
            String what,
            Object shownId,
            Function<PersistenceException, RuntimeException> translate) {
        UUID id = entity.getId();
        long version = entity.getVersion();
        try {
            entityManager.remove(entity);
            entityManager.flush();
        } catch (PersistenceException e) {
            throw staleOr(e, entityManager, Hibernate.getClass(entity), id, version, what, shownId, translate);
        }
        Outbox.append(entityManager, List.of(stream(aggregate, id)), false);
    }

    /**
     * Appends events of aggregates of {@code aggregateType} that a bulk statement of this transaction changed
     * (and so locked) without loading them, in the map's order: aggregate id to its events, oldest first. The type
     * names the aggregate ({@code community.ModerationCase}); it need not extend {@code AggregateRoot}, so a context
     * that writes its records with SQL (community) reports its changes here too, under the same row-lock rule.
     */
    public static void appendEvents(
            EntityManager entityManager, Class<?> aggregateType, Map<UUID, List<DomainEvent>> events) {
        Outbox.append(entityManager, streams(aggregateType, events), false);
    }

    /**
     * {@link #appendEvents} for aggregates whose rows this transaction inserted (their first event is 1, no read):
     * only for ids no other transaction can insert, or whose insert would have failed first.
     */
    public static void appendEventsOfNew(
            EntityManager entityManager, Class<?> aggregateType, Map<UUID, List<DomainEvent>> events) {
        Outbox.append(entityManager, streams(aggregateType, events), true);
    }

    private static List<Outbox.Stream> streams(Class<?> aggregateType, Map<UUID, List<DomainEvent>> events) {
        List<Outbox.Stream> streams = new ArrayList<>(events.size());
        events.forEach((id, recorded) -> streams.add(new Outbox.Stream(aggregateType, id, recorded)));
        return streams;
    }

    private static Outbox.Stream stream(AggregateRoot aggregate, UUID id) {
        return new Outbox.Stream(aggregate.getClass(), id, aggregate.pullEvents());
    }

    @SuppressWarnings("unchecked")
    private static RuntimeException staleOr(
            PersistenceException error,
            EntityManager entityManager,
            Class<?> type,
            UUID id,
            long expectedVersion,
            String what,
            Object shownId,
            Function<PersistenceException, RuntimeException> translate) {
        if (PersistenceErrors.isOptimisticLockFailure(error)) {
            return new StaleVersionException(
                    what,
                    shownId,
                    expectedVersion,
                    PersistenceErrors.committedVersion(entityManager, (Class<? extends AggregateJpaColumns>) type, id));
        }
        return translate.apply(error);
    }
}
