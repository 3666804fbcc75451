package io.strata.adapters.persistence.identity;

import io.strata.domain.identity.UserProfile;
import io.strata.domain.shared.user.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

/** {@link UserProfile} to and from {@link UserProfileJpaEntity}. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface UserProfileJpaMapper {

    default UserProfile toDomain(UserProfileJpaEntity entity) {
        return UserProfile.reconstitute(entity.getId(), new UserId(entity.getUserId()), entity.getBio(),
                entity.getAvatarUrl(), entity.getPreferences(), entity.getVersion(), entity.getCreatedAt(),
                entity.getUpdatedAt());
    }

    @Mapping(target = "id", expression = "java(profile.id())")
    @Mapping(target = "userId", expression = "java(profile.userId().value())")
    @Mapping(target = "version", expression = "java(profile.version())")
    @Mapping(target = "createdAt", expression = "java(profile.createdAt())")
    @Mapping(target = "bio", expression = "java(profile.bio())")
    @Mapping(target = "avatarUrl", expression = "java(profile.avatarUrl())")
    @Mapping(target = "preferences", expression = "java(json(profile.preferences()))")
    @Mapping(target = "updatedAt", expression = "java(profile.updatedAt())")
    UserProfileJpaEntity toEntity(UserProfile profile);

    /** Copies the mutable state onto a loaded row (not the id, owner, creation time or version). */
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "userId", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "bio", expression = "java(profile.bio())")
    @Mapping(target = "avatarUrl", expression = "java(profile.avatarUrl())")
    @Mapping(target = "preferences", expression = "java(json(profile.preferences()))")
    @Mapping(target = "updatedAt", expression = "java(profile.updatedAt())")
    void copyChanges(UserProfile profile, @MappingTarget UserProfileJpaEntity entity);

    default Map<String, Object> json(Map<String, Object> value) {
        return value == null ? new LinkedHashMap<>() : new LinkedHashMap<>(value);
    }
}
