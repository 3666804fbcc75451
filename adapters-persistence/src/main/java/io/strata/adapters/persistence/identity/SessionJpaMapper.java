package io.strata.adapters.persistence.identity;

import io.strata.adapters.persistence.shared.JpaMapperConfig;
import io.strata.adapters.persistence.shared.KernelJpaMappings;
import io.strata.domain.identity.ClientInfo;
import io.strata.domain.identity.Session;
import org.mapstruct.BeanMapping;
import org.mapstruct.InheritConfiguration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

/** {@link Session} to and from {@link SessionJpaEntity}. */
@Mapper(config = JpaMapperConfig.class)
interface SessionJpaMapper extends KernelJpaMappings, IdentityJpaMappings {

    /** Rebuilds the aggregate through {@link Session#reconstitute} (no validation, no events). */
    default Session toDomain(SessionJpaEntity row) {
        return Session.reconstitute(
                sessionId(row.getId()),
                userId(row.getUserId()),
                row.getTokenHash(),
                client(row),
                row.getExpiresAt(),
                row.getLastSeenAt(),
                row.getRevokedAt(),
                stamp(row));
    }

    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // three columns of the row
    ClientInfo client(SessionJpaEntity row);

    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    @Mapping(target = "ipAddress", source = "client.ipAddress")
    @Mapping(target = "userAgent", source = "client.userAgent")
    @Mapping(target = "deviceInfo", source = "client.deviceInfo")
    SessionJpaEntity toEntity(Session session);

    /** Copies the mutable state onto a loaded row (not the id, user, token hash, creation time or version). */
    @InheritConfiguration(name = "toEntity")
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "userId", ignore = true)
    @Mapping(target = "tokenHash", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // what stays: toEntity checks every property
    void copyChanges(Session session, @MappingTarget SessionJpaEntity entity);
}
