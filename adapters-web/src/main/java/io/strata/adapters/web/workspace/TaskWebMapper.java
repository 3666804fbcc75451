package io.strata.adapters.web.workspace;

import io.strata.adapters.web.shared.WebMapperConfig;
import io.strata.domain.workspace.Task;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Domain to response for tasks. */
@Mapper(config = WebMapperConfig.class, uses = WorkspaceWebMappings.class)
public interface TaskWebMapper {

    @Mapping(target = "estimatedHours", source = "effort.estimatedHours")
    @Mapping(target = "actualHours", source = "effort.actualHours")
    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    TaskResponse toResponse(Task task);
}
