package io.strata.adapters.web.identity;

import io.strata.adapters.web.shared.WebMapperConfig;
import io.strata.domain.identity.TagCount;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserProfile;
import io.strata.domain.identity.UserStatistics;
import io.strata.domain.identity.UserWithProfile;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/** Domain to response for users and profiles. */
@Mapper(config = WebMapperConfig.class, uses = IdentityWebMappings.class)
public interface UserWebMapper {

    @Mapping(target = "fullName", source = "user", qualifiedByName = "fullName")
    @Mapping(target = "emailVerified", source = "emailVerification.verified")
    @Mapping(target = "emailVerifiedAt", source = "emailVerification.verifiedAt")
    @Mapping(target = "lastLoginAt", source = "logins.lastLoginAt")
    @Mapping(target = "loginCount", source = "logins.loginCount")
    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    UserResponse toResponse(User user);

    /** Computed by the user (first and last name, or the username), so no property MapStruct would find. */
    @Named("fullName")
    default String fullName(User user) {
        return user.fullName();
    }

    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    ProfileResponse toResponse(UserProfile profile);

    UserWithProfileResponse toResponse(UserWithProfile userWithProfile);

    TagCountResponse toResponse(TagCount tagCount);

    UserStatisticsResponse toResponse(UserStatistics statistics);
}
