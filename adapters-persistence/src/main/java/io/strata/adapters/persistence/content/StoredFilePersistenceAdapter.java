package io.strata.adapters.persistence.content;

import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.CriteriaSearch;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.content.StoredFileRepository;
import io.strata.domain.content.StoredFileSearch;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

/** {@link StoredFileRepository} on PostgreSQL, in the caller's transaction ({@link JoinsTransaction}). */
@Singleton
@JoinsTransaction
public class StoredFilePersistenceAdapter implements StoredFileRepository {
    static final CriteriaSearch<StoredFileJpaEntity> SEARCH = CriteriaSearch.builder(
                    StoredFileJpaEntity.class, StoredFileSearch.SCHEMA)
            .textContains("searchText")
            .build();

    /**
     * Through a function that counts as SYSTEM: a PUBLIC file's reader may not write its owner's row (row-level
     * security, V26__content_row_level_security.sql), and the count is all they change.
     */
    private static final String COUNT_DOWNLOAD = "SELECT content_files_count_download(:id)";

    private final EntityManager entityManager;
    private final StoredFileJpaMapper mapper;

    StoredFilePersistenceAdapter(EntityManager entityManager, StoredFileJpaMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Override
    public Optional<StoredFile> findById(StoredFileId id) {
        return Optional.ofNullable(entityManager.find(StoredFileJpaEntity.class, id.value()))
                .map(mapper::toDomain);
    }

    @Override
    public StoredFile add(StoredFile file) {
        AggregateWrites.insert(entityManager, file, mapper.toEntity(file), e -> translate(e, file));
        return file;
    }

    @Override
    public StoredFile save(StoredFile file) {
        return mapper.toDomain(AggregateWrites.saveChanges(
                entityManager,
                file,
                StoredFileJpaEntity.class,
                file.id().value(),
                file.version(),
                "File",
                file.id(),
                entity -> mapper.copyChanges(file, entity),
                e -> translate(e, file)));
    }

    @Override
    public void purge(StoredFile file) {
        StoredFileJpaEntity entity =
                entityManager.find(StoredFileJpaEntity.class, file.id().value());
        if (entity == null) {
            throw new NotFoundException("File", file.id());
        }
        AggregateWrites.delete(entityManager, file, entity, "File", file.id(), e -> translate(e, file));
    }

    @Override
    public void countDownload(StoredFileId id) {
        entityManager
                .createNativeQuery(COUNT_DOWNLOAD, Integer.class)
                .setParameter("id", id.value())
                .getSingleResult();
    }

    @Override
    public long countOwnedBy(UserId owner) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM content_files WHERE owner_id = :owner", Long.class)
                        .setParameter("owner", owner.value())
                        .getSingleResult())
                .longValue();
    }

    @Override
    public Page<StoredFile> searchOwnedBy(
            UserId ownerId, boolean includeDeleted, SearchCriteria criteria, PageRequest page) {
        CriteriaSearch.Scope<StoredFileJpaEntity> owned = includeDeleted
                ? CriteriaSearch.Scope.equal("ownerId", ownerId.value())
                : CriteriaSearch.Scope.equalAndNull("ownerId", ownerId.value(), "deletedAt");
        return SEARCH.search(entityManager, criteria, page, owned).map(mapper::toDomain);
    }

    private static RuntimeException translate(PersistenceException error, StoredFile file) {
        return PersistenceErrors.violatedConstraint(error)
                .<RuntimeException>map(constraint -> switch (constraint) {
                    case "content_files_pkey" -> new ConflictException("file " + file.id() + " already exists");
                    case "content_files_owner_fk" -> new ValidationException("ownerId", "no user " + file.ownerId());
                    default -> PersistenceErrors.checkViolation(error, "content_files", constraint);
                })
                .orElse(error);
    }
}
