package io.strata.adapters.persistence.identity;

import io.strata.domain.identity.Email;
import io.strata.domain.identity.User;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mapstruct.InheritConfiguration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

/**
 * {@link User} to and from {@link UserJpaEntity}. The domain has no getters in the JavaBeans sense,
 * so each column names its source. The password hash is never mapped: it is not part of the domain.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface UserJpaMapper {

    /** Rebuilds the aggregate through {@link User#reconstitute} (no validation, no events). */
    default User toDomain(UserJpaEntity entity) {
        return User.reconstitute(new UserId(entity.getId()), new Email(entity.getEmail()),
                new Username(entity.getUsername()), entity.getFirstName(), entity.getLastName(), entity.getRole(),
                entity.getStatus(), entity.isEmailVerified(), entity.getEmailVerifiedAt(),
                entity.getPasswordChangedAt(), entity.getLastLoginAt(), entity.getLoginCount(),
                Tags.of(Arrays.asList(entity.getTags())), entity.getPreferences(), entity.getVersion(),
                entity.getCreatedAt(), entity.getUpdatedAt());
    }

    /** A new row for a new user; the caller sets the (initially unusable) password hash. */
    @Mapping(target = "id", expression = "java(user.id().value())")
    @Mapping(target = "version", expression = "java(user.version())")
    @Mapping(target = "createdAt", expression = "java(user.createdAt())")
    @Mapping(target = "passwordHash", ignore = true)
    @Mapping(target = "email", expression = "java(user.email().value())")
    @Mapping(target = "username", expression = "java(user.username().value())")
    @Mapping(target = "firstName", expression = "java(user.firstName())")
    @Mapping(target = "lastName", expression = "java(user.lastName())")
    @Mapping(target = "role", expression = "java(user.role())")
    @Mapping(target = "status", expression = "java(user.status())")
    @Mapping(target = "emailVerified", expression = "java(user.emailVerified())")
    @Mapping(target = "emailVerifiedAt", expression = "java(user.emailVerifiedAt())")
    @Mapping(target = "passwordChangedAt", expression = "java(user.passwordChangedAt())")
    @Mapping(target = "lastLoginAt", expression = "java(user.lastLoginAt())")
    @Mapping(target = "loginCount", expression = "java(user.loginCount())")
    @Mapping(target = "tags", expression = "java(tagArray(user.tags()))")
    @Mapping(target = "preferences", expression = "java(json(user.preferences()))")
    @Mapping(target = "updatedAt", expression = "java(user.updatedAt())")
    UserJpaEntity toEntity(User user);

    /**
     * Copies the mutable state of {@code user} onto a loaded row. Identity, creation time and the
     * version (owned by Hibernate's optimistic lock) are left alone, and so is the password hash.
     */
    @InheritConfiguration(name = "toEntity")
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    void copyChanges(User user, @MappingTarget UserJpaEntity entity);

    default String[] tagArray(Tags tags) {
        return tags.values().toArray(String[]::new);
    }

    /** A mutable copy for Hibernate's JSON type (JSON null values kept). */
    default Map<String, Object> json(Map<String, Object> value) {
        return value == null ? new LinkedHashMap<>() : new LinkedHashMap<>(value);
    }
}
