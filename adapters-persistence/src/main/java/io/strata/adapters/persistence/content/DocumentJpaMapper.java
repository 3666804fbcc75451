package io.strata.adapters.persistence.content;

import io.strata.adapters.persistence.shared.JpaMapperConfig;
import io.strata.adapters.persistence.shared.KernelJpaMappings;
import io.strata.domain.content.Document;
import io.strata.domain.content.DocumentRevision;
import io.strata.domain.content.DocumentShare;
import io.strata.domain.content.DocumentSummary;
import java.util.List;
import org.mapstruct.AfterMapping;
import org.mapstruct.BeanMapping;
import org.mapstruct.InheritConfiguration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

/**
 * {@link Document} (with its shares) and {@link DocumentRevision} to and from their rows. The shares are
 * replaced on the entity's live collection only when they differ, so saving an unshared document writes
 * no share rows.
 */
@Mapper(config = JpaMapperConfig.class)
interface DocumentJpaMapper extends KernelJpaMappings, ContentJpaMappings, DocumentJpaMappings {

    default Document toDomain(DocumentJpaEntity row) {
        return Document.reconstitute(
                documentId(row.getId()),
                userId(row.getOwnerId()),
                row.getTitle(),
                row.getKind(),
                json(row.getContent()),
                Math.toIntExact(row.getRevision()),
                shares(row.getShares()),
                deletion(row.getDeletionId(), row.getDeletedAt()),
                stamp(row));
    }

    /** The list view of a row: its shares (a lazy collection) are not touched. */
    default DocumentSummary toSummary(DocumentJpaEntity row) {
        return new DocumentSummary(
                documentId(row.getId()),
                userId(row.getOwnerId()),
                row.getTitle(),
                row.getKind(),
                Math.toIntExact(row.getRevision()),
                deletion(row.getDeletionId(), row.getDeletedAt()),
                stamp(row));
    }

    default DocumentShare share(DocumentShareJpaEmbeddable row) {
        return new DocumentShare(
                userId(row.getUserId()),
                row.getPermission(),
                row.getExpiresAt(),
                row.getSharedAt(),
                deletion(row.getDeletionId(), row.getDeletedAt()));
    }

    List<DocumentShare> shares(List<DocumentShareJpaEmbeddable> rows);

    @Mapping(target = "deletedAt", source = "deletion.deletedAt")
    @Mapping(target = "deletionId", source = "deletion.batchId")
    @BeanMapping(ignoreUnmappedSourceProperties = "live") // isLive() is derived from the deletion
    DocumentShareJpaEmbeddable toEmbeddable(DocumentShare share);

    List<DocumentShareJpaEmbeddable> toEmbeddables(List<DocumentShare> shares);

    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    @Mapping(target = "deletedAt", source = "deletion.deletedAt")
    @Mapping(target = "deletionId", source = "deletion.batchId")
    @Mapping(target = "shares", ignore = true)
    @BeanMapping(ignoreUnmappedSourceProperties = "shares") // copyShares
    DocumentJpaEntity toEntity(Document document);

    /** Copies the mutable state onto a loaded row; identity, owner, kind, creation and version stay. */
    @InheritConfiguration(name = "toEntity")
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "ownerId", ignore = true)
    @Mapping(target = "kind", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // what stays: toEntity checks every property
    void copyChanges(Document document, @MappingTarget DocumentJpaEntity entity);

    /** Makes the entity's share rows those of the document, touching the collection only when they differ. */
    @AfterMapping
    default void copyShares(Document document, @MappingTarget DocumentJpaEntity entity) {
        if (!shares(entity.getShares()).equals(document.shares())) {
            entity.getShares().clear();
            entity.getShares().addAll(toEmbeddables(document.shares()));
        }
    }

    default DocumentRevision toDomain(DocumentRevisionJpaEntity row) {
        return new DocumentRevision(
                documentId(row.getDocumentId()),
                Math.toIntExact(row.getRevision()),
                row.getTitle(),
                json(row.getContent()),
                userId(row.getAuthorId()),
                row.getCreatedAt(),
                deletion(row.getDeletionId(), row.getDeletedAt()));
    }

    @Mapping(target = "id", ignore = true) // a row id of its own; the key is (document, revision)
    @Mapping(target = "deletedAt", source = "deletion.deletedAt")
    @Mapping(target = "deletionId", source = "deletion.batchId")
    @BeanMapping(ignoreUnmappedSourceProperties = "live") // isLive() is derived from the deletion
    DocumentRevisionJpaEntity toEntity(DocumentRevision revision);
}
