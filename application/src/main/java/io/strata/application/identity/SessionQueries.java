package io.strata.application.identity;

import io.strata.application.shared.Query;
import io.strata.domain.identity.Session;
import io.strata.domain.shared.user.Actor;
import java.util.List;

@Query
public interface SessionQueries {
    /** The actor's active sessions, newest first. */
    List<Session> mySessions(Actor actor);
}
