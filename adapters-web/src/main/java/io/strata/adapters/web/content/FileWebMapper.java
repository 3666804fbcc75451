package io.strata.adapters.web.content;

import io.strata.adapters.web.shared.WebMapperConfig;
import io.strata.domain.content.StoredFile;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Domain to response for files. */
@Mapper(config = WebMapperConfig.class, uses = ContentWebMappings.class)
public interface FileWebMapper {

    @Mapping(target = "sha256", source = "blob.sha256")
    @Mapping(target = "sizeBytes", source = "blob.sizeBytes")
    @Mapping(target = "deletedAt", source = "deletion.deletedAt")
    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    FileResponse toResponse(StoredFile file);
}
