package io.strata.adapters.persistence.identity;

import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionId;
import io.strata.domain.shared.user.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

/** {@link Session} to and from {@link SessionJpaEntity}. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface SessionJpaMapper {

    default Session toDomain(SessionJpaEntity entity) {
        return Session.reconstitute(new SessionId(entity.getId()), new UserId(entity.getUserId()),
                entity.getTokenHash(), entity.getDeviceInfo(), entity.getIpAddress(), entity.getUserAgent(),
                entity.getExpiresAt(), entity.getLastSeenAt(), entity.getRevokedAt(), entity.getVersion(),
                entity.getCreatedAt(), entity.getUpdatedAt());
    }

    @Mapping(target = "id", expression = "java(session.id().value())")
    @Mapping(target = "userId", expression = "java(session.userId().value())")
    @Mapping(target = "tokenHash", expression = "java(session.tokenHash())")
    @Mapping(target = "version", expression = "java(session.version())")
    @Mapping(target = "createdAt", expression = "java(session.createdAt())")
    @Mapping(target = "deviceInfo", expression = "java(json(session.deviceInfo()))")
    @Mapping(target = "ipAddress", expression = "java(session.ipAddress())")
    @Mapping(target = "userAgent", expression = "java(session.userAgent())")
    @Mapping(target = "expiresAt", expression = "java(session.expiresAt())")
    @Mapping(target = "lastSeenAt", expression = "java(session.lastSeenAt())")
    @Mapping(target = "revokedAt", expression = "java(session.revokedAt())")
    @Mapping(target = "updatedAt", expression = "java(session.updatedAt())")
    SessionJpaEntity toEntity(Session session);

    /** Copies the mutable state onto a loaded row (not the id, user, token hash, creation time or version). */
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "userId", ignore = true)
    @Mapping(target = "tokenHash", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "deviceInfo", expression = "java(json(session.deviceInfo()))")
    @Mapping(target = "ipAddress", expression = "java(session.ipAddress())")
    @Mapping(target = "userAgent", expression = "java(session.userAgent())")
    @Mapping(target = "expiresAt", expression = "java(session.expiresAt())")
    @Mapping(target = "lastSeenAt", expression = "java(session.lastSeenAt())")
    @Mapping(target = "revokedAt", expression = "java(session.revokedAt())")
    @Mapping(target = "updatedAt", expression = "java(session.updatedAt())")
    void copyChanges(Session session, @MappingTarget SessionJpaEntity entity);

    default Map<String, Object> json(Map<String, Object> value) {
        return value == null ? new LinkedHashMap<>() : new LinkedHashMap<>(value);
    }
}
