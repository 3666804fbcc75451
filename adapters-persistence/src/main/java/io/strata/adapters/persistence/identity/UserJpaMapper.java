package io.strata.adapters.persistence.identity;

import io.strata.adapters.persistence.shared.JpaMapperConfig;
import io.strata.adapters.persistence.shared.KernelJpaMappings;
import io.strata.domain.identity.EmailVerification;
import io.strata.domain.identity.LoginHistory;
import io.strata.domain.identity.User;
import org.mapstruct.BeanMapping;
import org.mapstruct.InheritConfiguration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

/**
 * {@link User} to and from {@link UserJpaEntity}. The password hash is never mapped: it is not part of
 * the domain ({@code Argon2UserCredentials} writes it).
 */
@Mapper(config = JpaMapperConfig.class)
interface UserJpaMapper extends KernelJpaMappings, IdentityJpaMappings {

    /** Rebuilds the aggregate through {@link User#reconstitute} (no validation, no events). */
    default User toDomain(UserJpaEntity row) {
        return User.reconstitute(
                userId(row.getId()),
                email(row.getEmail()),
                username(row.getUsername()),
                row.getFirstName(),
                row.getLastName(),
                row.getRole(),
                row.getStatus(),
                emailVerification(row),
                row.getPasswordChangedAt(),
                logins(row),
                tags(row.getTags()),
                row.getPreferences(),
                stamp(row));
    }

    @Mapping(target = "verified", source = "emailVerified")
    @Mapping(target = "verifiedAt", source = "emailVerifiedAt")
    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // two columns of the row
    EmailVerification emailVerification(UserJpaEntity row);

    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // two columns of the row
    LoginHistory logins(UserJpaEntity row);

    /** A new row for a new user; the caller sets the (initially unusable) password hash. */
    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    @Mapping(target = "emailVerified", source = "emailVerification.verified")
    @Mapping(target = "emailVerifiedAt", source = "emailVerification.verifiedAt")
    @Mapping(target = "lastLoginAt", source = "logins.lastLoginAt")
    @Mapping(target = "loginCount", source = "logins.loginCount")
    @Mapping(target = "passwordHash", ignore = true)
    UserJpaEntity toEntity(User user);

    /**
     * Copies the mutable state of {@code user} onto a loaded row. Identity, creation time and the
     * version (owned by Hibernate's optimistic lock) are left alone, and so is the password hash.
     */
    @InheritConfiguration(name = "toEntity")
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // the id: toEntity checks every property
    void copyChanges(User user, @MappingTarget UserJpaEntity entity);
}
