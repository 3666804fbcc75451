package io.strata.adapters.web.identity;

import io.strata.adapters.web.shared.WebMapperConfig;
import io.strata.domain.identity.TagCount;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserProfile;
import io.strata.domain.identity.UserStatistics;
import io.strata.domain.identity.UserWithProfile;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Domain to response for users and profiles. */
@Mapper(config = WebMapperConfig.class, uses = IdentityWebMappings.class)
public interface UserWebMapper {

    /**
     * {@code fullName} is computed by the user (first and last name, or the username), so it is no
     * property: it comes in as a second source. ({@code source = "user"} would do too, but mapping the
     * whole user switches off MapStruct's check that every property of the user is mapped.)
     */
    default UserResponse toResponse(User user) {
        return user == null ? null : toResponse(user, user.fullName());
    }

    @Mapping(target = "emailVerified", source = "user.emailVerification.verified")
    @Mapping(target = "emailVerifiedAt", source = "user.emailVerification.verifiedAt")
    @Mapping(target = "lastLoginAt", source = "user.logins.lastLoginAt")
    @Mapping(target = "loginCount", source = "user.logins.loginCount")
    @Mapping(target = "version", source = "user.stamp.version")
    @Mapping(target = "createdAt", source = "user.stamp.createdAt")
    @Mapping(target = "updatedAt", source = "user.stamp.updatedAt")
    UserResponse toResponse(User user, String fullName);

    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    ProfileResponse toResponse(UserProfile profile);

    UserWithProfileResponse toResponse(UserWithProfile userWithProfile);

    TagCountResponse toResponse(TagCount tagCount);

    UserStatisticsResponse toResponse(UserStatistics statistics);
}
