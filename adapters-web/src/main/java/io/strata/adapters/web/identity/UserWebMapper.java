package io.strata.adapters.web.identity;

import io.strata.domain.identity.TagCount;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserProfile;
import io.strata.domain.identity.UserStatistics;
import io.strata.domain.identity.UserWithProfile;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * Domain to response for users and profiles. The domain's accessors are fluent ({@code user.id()}),
 * which MapStruct does not see as properties, so each field is named explicitly; with
 * {@code unmappedTargetPolicy = ERROR} a new response field without a mapping fails the build.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA, unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface UserWebMapper {

    @Mapping(target = "id", expression = "java(user.id().value())")
    @Mapping(target = "email", expression = "java(user.email().value())")
    @Mapping(target = "username", expression = "java(user.username().value())")
    @Mapping(target = "firstName", expression = "java(user.firstName())")
    @Mapping(target = "lastName", expression = "java(user.lastName())")
    @Mapping(target = "fullName", expression = "java(user.fullName())")
    @Mapping(target = "role", expression = "java(user.role())")
    @Mapping(target = "status", expression = "java(user.status())")
    @Mapping(target = "emailVerified", expression = "java(user.emailVerified())")
    @Mapping(target = "emailVerifiedAt", expression = "java(user.emailVerifiedAt())")
    @Mapping(target = "passwordChangedAt", expression = "java(user.passwordChangedAt())")
    @Mapping(target = "lastLoginAt", expression = "java(user.lastLoginAt())")
    @Mapping(target = "loginCount", expression = "java(user.loginCount())")
    @Mapping(target = "tags", expression = "java(user.tags().values())")
    @Mapping(target = "preferences", expression = "java(user.preferences())")
    @Mapping(target = "version", expression = "java(user.version())")
    @Mapping(target = "createdAt", expression = "java(user.createdAt())")
    @Mapping(target = "updatedAt", expression = "java(user.updatedAt())")
    UserResponse toResponse(User user);

    @Mapping(target = "id", expression = "java(profile.id())")
    @Mapping(target = "userId", expression = "java(profile.userId().value())")
    @Mapping(target = "bio", expression = "java(profile.bio())")
    @Mapping(target = "avatarUrl", expression = "java(profile.avatarUrl())")
    @Mapping(target = "preferences", expression = "java(profile.preferences())")
    @Mapping(target = "version", expression = "java(profile.version())")
    @Mapping(target = "createdAt", expression = "java(profile.createdAt())")
    @Mapping(target = "updatedAt", expression = "java(profile.updatedAt())")
    ProfileResponse toResponse(UserProfile profile);

    @Mapping(target = "user", source = "user")
    @Mapping(target = "profile", source = "profile")
    UserWithProfileResponse toResponse(UserWithProfile userWithProfile);

    TagCountResponse toResponse(TagCount tagCount);

    UserStatisticsResponse toResponse(UserStatistics statistics);
}
