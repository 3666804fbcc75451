package io.strata.adapters.persistence.content;

import io.strata.adapters.persistence.shared.JpaMapperConfig;
import io.strata.adapters.persistence.shared.KernelJpaMappings;
import io.strata.domain.content.BlobRef;
import io.strata.domain.content.StoredFile;
import org.mapstruct.BeanMapping;
import org.mapstruct.InheritConfiguration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

/** {@link StoredFile} to and from {@link StoredFileJpaEntity}. */
@Mapper(config = JpaMapperConfig.class)
interface StoredFileJpaMapper extends KernelJpaMappings, ContentJpaMappings {

    default StoredFile toDomain(StoredFileJpaEntity row) {
        return StoredFile.reconstitute(
                storedFileId(row.getId()),
                userId(row.getOwnerId()),
                row.getName(),
                row.getMimeType(),
                new BlobRef(sha256(row.getSha256()), row.getSizeBytes()),
                row.getVisibility(),
                row.getDownloadCount(),
                deletion(row.getDeletionId(), row.getDeletedAt()),
                stamp(row));
    }

    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    @Mapping(target = "sha256", source = "blob.sha256")
    @Mapping(target = "sizeBytes", source = "blob.sizeBytes")
    @Mapping(target = "deletedAt", source = "deletion.deletedAt")
    @Mapping(target = "deletionId", source = "deletion.batchId")
    StoredFileJpaEntity toEntity(StoredFile file);

    /** Copies the mutable state (visibility, deletion, updatedAt) onto a loaded row. */
    @InheritConfiguration(name = "toEntity")
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "ownerId", ignore = true)
    @Mapping(target = "name", ignore = true)
    @Mapping(target = "mimeType", ignore = true)
    @Mapping(target = "sha256", ignore = true)
    @Mapping(target = "sizeBytes", ignore = true)
    @Mapping(target = "downloadCount", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // what stays: toEntity checks every property
    void copyChanges(StoredFile file, @MappingTarget StoredFileJpaEntity entity);
}
