package io.strata.adapters.web.identity;

import io.strata.application.identity.LogInUseCase;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionId;
import org.mapstruct.Context;
import org.mapstruct.InjectionStrategy;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/** Domain to response for sessions and logins. The token hash is never mapped. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA, unmappedTargetPolicy = ReportingPolicy.ERROR,
        uses = UserWebMapper.class, injectionStrategy = InjectionStrategy.CONSTRUCTOR)
public interface SessionWebMapper {
    String TOKEN_TYPE = "Bearer";

    /** {@code current} is the session the request was made with (may be null). */
    @Mapping(target = "id", expression = "java(session.id().value())")
    @Mapping(target = "userId", expression = "java(session.userId().value())")
    @Mapping(target = "deviceInfo", expression = "java(session.deviceInfo())")
    @Mapping(target = "ipAddress", expression = "java(session.ipAddress())")
    @Mapping(target = "userAgent", expression = "java(session.userAgent())")
    @Mapping(target = "createdAt", expression = "java(session.createdAt())")
    @Mapping(target = "lastSeenAt", expression = "java(session.lastSeenAt())")
    @Mapping(target = "expiresAt", expression = "java(session.expiresAt())")
    @Mapping(target = "revokedAt", expression = "java(session.revokedAt())")
    @Mapping(target = "current", expression = "java(current != null && current.equals(session.id()))")
    SessionResponse toResponse(Session session, @Context SessionId current);

    @Mapping(target = "token", source = "token")
    @Mapping(target = "tokenType", constant = TOKEN_TYPE)
    @Mapping(target = "expiresAt", expression = "java(loggedIn.session().expiresAt())")
    @Mapping(target = "session", expression = "java(toResponse(loggedIn.session(), loggedIn.session().id()))")
    @Mapping(target = "user", source = "user")
    LoginResponse toResponse(LogInUseCase.LoggedIn loggedIn);
}
