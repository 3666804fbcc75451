package io.strata.adapters.persistence.shared;

import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.StaleVersionException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** How every adapter stores the changes of a loaded aggregate, so optimistic locking works one way everywhere. */
public final class AggregateWrites {
    private AggregateWrites() {
    }

    /**
     * Loads the row, checks it is still at {@code expectedVersion}, copies the aggregate's state onto it
     * and flushes: one {@code UPDATE ... WHERE id = ? AND version = ?}. A row that is gone is a
     * {@link NotFoundException}; a version that moved on (before or during the flush) is a
     * {@link StaleVersionException}; any other refusal of the database goes through {@code translate}.
     * Returns the entity at its new version, for mapping back to the domain.
     *
     * @param what   how errors name the aggregate ("Task"), with {@code shownId} as its id
     */
    public static <E extends AggregateJpaColumns> E saveChanges(EntityManager entityManager, Class<E> type, UUID id,
                                                                long expectedVersion, String what, Object shownId,
                                                                Consumer<E> copyChanges,
                                                                Function<PersistenceException, RuntimeException> translate) {
        E entity = entityManager.find(type, id);
        if (entity == null) {
            throw new NotFoundException(what, shownId);
        }
        if (entity.getVersion() != expectedVersion) {
            throw new StaleVersionException(what, shownId, expectedVersion, entity.getVersion());
        }
        copyChanges.accept(entity);
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            if (PersistenceErrors.isOptimisticLockFailure(e)) {
                throw new StaleVersionException(what, shownId, expectedVersion,
                        PersistenceErrors.committedVersion(entityManager, type, id));
            }
            throw translate.apply(e);
        }
        return entity;
    }
}
