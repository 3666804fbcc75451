package io.strata.adapters.persistence.content;

import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.CriteriaSearch;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.adapters.persistence.shared.SearchContext;
import io.strata.domain.content.Document;
import io.strata.domain.content.DocumentId;
import io.strata.domain.content.DocumentRepository;
import io.strata.domain.content.DocumentRevision;
import io.strata.domain.content.DocumentRevisionSearch;
import io.strata.domain.content.DocumentSearch;
import io.strata.domain.content.DocumentSummary;
import io.strata.domain.content.RevisionWrite;
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
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * {@link DocumentRepository} on PostgreSQL, in the caller's transaction ({@link JoinsTransaction}). The document row
 * and its share rows go through the shared save path; the revisions are inserted after the document's row
 * (so a concurrent update fails on the version first) and hidden or shown again by deletion batch in one
 * statement each.
 */
@Singleton
@JoinsTransaction
public class DocumentPersistenceAdapter implements DocumentRepository {
    /** The instant a page of shared documents is read at (a share that expired by then is not one). */
    private static final SearchContext.Key<Instant> NOW = SearchContext.key("now", Instant.class);

    static final CriteriaSearch<DocumentJpaEntity> SEARCH = CriteriaSearch.builder(
                    DocumentJpaEntity.class, DocumentSearch.SCHEMA)
            .textContains("searchText")
            .readApart("shares") // a page lists summaries (toSummary), which do not show the shares
            .build();

    static final CriteriaSearch<DocumentRevisionJpaEntity> REVISIONS = CriteriaSearch.builder(
                    DocumentRevisionJpaEntity.class, DocumentRevisionSearch.SCHEMA)
            // one document's revisions: a scan of those rows, no index of its own
            .textContainsIgnoringCase("title")
            .build();

    private static final String HIDE_ALL = """
            UPDATE content_document_revisions SET deleted_at = :at, deletion_id = :batch
            WHERE document_id = :id AND deletion_id IS NULL""";
    private static final String HIDE_ONE = """
            UPDATE content_document_revisions SET deleted_at = :at, deletion_id = :batch
            WHERE document_id = :id AND revision = :revision AND deletion_id IS NULL""";
    private static final String REVEAL = """
            UPDATE content_document_revisions SET deleted_at = NULL, deletion_id = NULL
            WHERE document_id = :id AND deletion_id = :batch""";
    private static final String REVISIONS_TABLE = "content_document_revisions";

    private final EntityManager entityManager;
    private final DocumentJpaMapper mapper;

    DocumentPersistenceAdapter(EntityManager entityManager, DocumentJpaMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Override
    public Optional<Document> findById(DocumentId id) {
        return Optional.ofNullable(entityManager.find(DocumentJpaEntity.class, id.value()))
                .map(mapper::toDomain);
    }

    @Override
    public Document add(Document document) {
        requireFreeTitle(document);
        AggregateWrites.insert(entityManager, document, mapper.toEntity(document), e -> translate(e, document));
        writeRevisions(document);
        return document;
    }

    @Override
    public Document save(Document document) {
        DocumentJpaEntity loaded =
                entityManager.find(DocumentJpaEntity.class, document.id().value());
        if (loaded != null && (!loaded.getTitle().equals(document.title()) || loaded.getDeletedAt() != null)) {
            requireFreeTitle(document); // a new title, or a restore: the live titles may have moved on
        }
        DocumentJpaEntity saved = AggregateWrites.saveChanges(
                entityManager,
                document,
                DocumentJpaEntity.class,
                document.id().value(),
                document.version(),
                "Document",
                document.id(),
                entity -> mapper.copyChanges(document, entity),
                e -> translate(e, document));
        writeRevisions(document);
        return mapper.toDomain(saved);
    }

    @Override
    public void purge(Document document) {
        DocumentJpaEntity entity =
                entityManager.find(DocumentJpaEntity.class, document.id().value());
        if (entity == null) {
            throw new NotFoundException("Document", document.id());
        }
        // the revisions go with the row (ON DELETE CASCADE), the shares with the collection
        AggregateWrites.delete(entityManager, document, entity, "Document", document.id(), e -> translate(e, document));
    }

    @Override
    public Optional<DocumentRevision> findRevision(DocumentId id, int revision) {
        return entityManager
                .createQuery(
                        "SELECT r FROM DocumentRevisionJpaEntity r WHERE r.documentId = :id AND r.revision = :revision",
                        DocumentRevisionJpaEntity.class)
                .setParameter("id", id.value())
                .setParameter("revision", (long) revision)
                .getResultStream()
                .findFirst()
                .map(mapper::toDomain);
    }

    @Override
    public Page<DocumentRevision> revisions(
            DocumentId id, boolean includeDeleted, SearchCriteria criteria, PageRequest page) {
        CriteriaSearch.Scope<DocumentRevisionJpaEntity> ofDocument = includeDeleted
                ? CriteriaSearch.Scope.equal("documentId", id.value())
                : CriteriaSearch.Scope.equalAndNull("documentId", id.value(), "deletedAt");
        return REVISIONS.search(entityManager, criteria, page, ofDocument).map(mapper::toDomain);
    }

    @Override
    public Page<DocumentSummary> searchOwnedBy(
            UserId owner, boolean includeDeleted, SearchCriteria criteria, PageRequest page) {
        // scopes with their values as parameters: each shape is translated once and then read plainly
        CriteriaSearch.Scope<DocumentJpaEntity> owned = includeDeleted
                ? CriteriaSearch.Scope.equal("ownerId", owner.value())
                : CriteriaSearch.Scope.equalAndNull("ownerId", owner.value(), "deletedAt");
        return SEARCH.search(entityManager, criteria, page, owned).map(mapper::toSummary);
    }

    @Override
    public Page<DocumentSummary> searchSharedWith(UserId user, Instant now, SearchCriteria criteria, PageRequest page) {
        CriteriaSearch.Scope<DocumentJpaEntity> shared =
                CriteriaSearch.Scope.of(UUID.class, user.value(), DocumentPersistenceAdapter::sharedWith);
        return SEARCH.search(entityManager, criteria, page, shared, SearchContext.of(NOW, now))
                .map(mapper::toSummary);
    }

    @Override
    public long countOwnedBy(UserId owner) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM content_documents WHERE owner_id = :owner", Long.class)
                        .setParameter("owner", owner.value())
                        .getSingleResult())
                .longValue();
    }

    /**
     * The owner's live titles are unique: asked first so a client's clash is a clear 409 without a refused
     * statement (the partial unique index stays the last word for two concurrent writers).
     */
    private void requireFreeTitle(Document document) {
        if (document.isDeleted()) {
            return;
        }
        boolean taken = !entityManager
                .createNativeQuery(
                        "SELECT 1 FROM content_documents WHERE owner_id = :owner AND lower(title) = lower(:title)"
                                + " AND deleted_at IS NULL AND id <> :id LIMIT 1",
                        Integer.class)
                .setParameter("owner", document.ownerId().value())
                .setParameter("title", document.title())
                .setParameter("id", document.id().value())
                .getResultList()
                .isEmpty();
        if (taken) {
            throw new ConflictException("you already have a document titled \"" + document.title() + "\"");
        }
    }

    /**
     * Documents not deleted that {@code user} holds a live share of at the call's {@link #NOW} (a bound scope's
     * template: the user and the instant come as parameters).
     */
    private static Predicate sharedWith(CriteriaSearch.Where<DocumentJpaEntity> where, Expression<UUID> user) {
        var cb = where.cb();
        Subquery<Integer> grant = where.query().subquery(Integer.class);
        Root<DocumentJpaEntity> document = grant.correlate(where.root());
        Join<DocumentJpaEntity, DocumentShareJpaEmbeddable> share = document.join("shares");
        Path<Instant> expiresAt = share.get("expiresAt");
        grant.select(cb.literal(1))
                .where(
                        cb.equal(share.get("userId"), user),
                        cb.isNull(share.get("deletedAt")),
                        cb.or(
                                cb.isNull(expiresAt),
                                cb.greaterThan(
                                        expiresAt,
                                        where.parameters()
                                                .bind(expiresAt, where.context().get(NOW)))));
        return cb.and(cb.isNull(where.root().get("deletedAt")), cb.exists(grant));
    }

    /** What the document's changes did to its revisions, in order, after its own row was written. */
    private void writeRevisions(Document document) {
        UUID id = document.id().value();
        List<RevisionWrite> writes = document.pullRevisionWrites();
        for (RevisionWrite write : writes) {
            if (write instanceof RevisionWrite.Append append) {
                DocumentRevisionJpaEntity row = mapper.toEntity(append.revision());
                row.setId(UUID.randomUUID());
                entityManager.persist(row);
            } else if (write instanceof RevisionWrite.HideAll all) {
                update(HIDE_ALL, id)
                        .setParameter("at", all.deletion().deletedAt())
                        .setParameter("batch", all.deletion().batchId())
                        .executeUpdate();
            } else if (write instanceof RevisionWrite.HideOne one) {
                update(HIDE_ONE, id)
                        .setParameter("at", one.deletion().deletedAt())
                        .setParameter("batch", one.deletion().batchId())
                        .setParameter("revision", one.revision())
                        .executeUpdate();
            } else if (write instanceof RevisionWrite.Reveal reveal) {
                update(REVEAL, id).setParameter("batch", reveal.batchId()).executeUpdate();
            }
        }
        if (!writes.isEmpty()) {
            try {
                entityManager.flush();
            } catch (PersistenceException e) {
                throw translate(e, document);
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private NativeQuery update(String sql, UUID id) {
        return entityManager
                .createNativeQuery(sql)
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace(REVISIONS_TABLE)
                .setParameter("id", id);
    }

    private static RuntimeException translate(PersistenceException error, Document document) {
        return PersistenceErrors.violatedConstraint(error)
                .<RuntimeException>map(constraint -> switch (constraint) {
                    case "content_documents_pkey" ->
                        new ConflictException("document " + document.id() + " already exists");
                    case "content_documents_owner_title_ux" ->
                        new ConflictException("you already have a document titled \"" + document.title() + "\"");
                    case "content_documents_owner_fk" ->
                        new ValidationException("ownerId", "no user " + document.ownerId());
                    case "content_document_shares_live_ux" ->
                        new ConflictException("the document is already shared with this user");
                    case "content_document_shares_user_fk" -> new ValidationException("userId", "no such user");
                    case "content_document_revisions_number_ux" ->
                        new ConflictException("revision " + document.revision() + " of document " + document.id()
                                + " was written concurrently; read it again");
                    default -> PersistenceErrors.checkViolation(error, "content_documents", constraint);
                })
                .orElse(error);
    }
}
