package io.strata.adapters.persistence.identity;

import io.strata.adapters.persistence.shared.JpaMapperConfig;
import io.strata.adapters.persistence.shared.KernelJpaMappings;
import io.strata.domain.identity.UserProfile;
import org.mapstruct.BeanMapping;
import org.mapstruct.InheritConfiguration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

/** {@link UserProfile} to and from {@link UserProfileJpaEntity}. */
@Mapper(config = JpaMapperConfig.class)
interface UserProfileJpaMapper extends KernelJpaMappings, IdentityJpaMappings {

    /** Rebuilds the aggregate through {@link UserProfile#reconstitute} (no validation, no events). */
    default UserProfile toDomain(UserProfileJpaEntity row) {
        return UserProfile.reconstitute(
                row.getId(),
                userId(row.getUserId()),
                row.getBio(),
                row.getAvatarUrl(),
                row.getPreferences(),
                stamp(row));
    }

    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    UserProfileJpaEntity toEntity(UserProfile profile);

    /** Copies the mutable state onto a loaded row (not the id, owner, creation time or version). */
    @InheritConfiguration(name = "toEntity")
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "userId", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // what stays: toEntity checks every property
    void copyChanges(UserProfile profile, @MappingTarget UserProfileJpaEntity entity);
}
