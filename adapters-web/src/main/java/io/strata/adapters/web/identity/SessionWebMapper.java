package io.strata.adapters.web.identity;

import io.strata.adapters.web.shared.WebMapperConfig;
import io.strata.application.identity.LogInUseCase;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionId;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/** Domain to response for sessions and logins. */
@Mapper(
        config = WebMapperConfig.class,
        uses = {IdentityWebMappings.class, UserWebMapper.class})
public interface SessionWebMapper {
    String TOKEN_TYPE = "Bearer";

    /** {@code current} is the session the request was made with (may be null); the flag comes in as a second source. */
    default SessionResponse toResponse(Session session, SessionId current) {
        return session == null ? null : toResponse(session, session.id().equals(current));
    }

    @Mapping(target = "ipAddress", source = "session.client.ipAddress")
    @Mapping(target = "userAgent", source = "session.client.userAgent")
    @Mapping(target = "deviceInfo", source = "session.client.deviceInfo")
    @Mapping(target = "createdAt", source = "session.stamp.createdAt")
    @BeanMapping(ignoreUnmappedSourceProperties = "tokenHash") // only the hash is stored; it never leaves
    SessionResponse toResponse(Session session, boolean current);

    @Mapping(target = "tokenType", constant = TOKEN_TYPE)
    @Mapping(target = "expiresAt", source = "session.expiresAt")
    @Mapping(target = "session", source = "session", qualifiedByName = "justOpened")
    LoginResponse toResponse(LogInUseCase.LoggedIn loggedIn);

    /** The session a login just opened is the current one. */
    @Named("justOpened")
    default SessionResponse justOpened(Session session) {
        return toResponse(session, true);
    }
}
