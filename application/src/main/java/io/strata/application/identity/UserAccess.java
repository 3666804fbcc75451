package io.strata.application.identity;

import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.ForbiddenException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;

/**
 * The identity context's object-level rules in one place: a USER or GUEST sees only themselves
 * (anyone else is "not found"), MANAGER and ADMIN read everyone, only ADMIN changes others.
 */
final class UserAccess {
    private UserAccess() {}

    static boolean canSee(Actor actor, UserId id) {
        return actor.is(id) || actor.canReadOthers();
    }

    static void requireVisible(Actor actor, UserId id) {
        if (!canSee(actor, id)) {
            throw new NotFoundException("User", id);
        }
    }

    /** Loads a user the actor may change: self or ADMIN; a MANAGER may see but not change others. */
    static User loadForChange(UserRepository users, Actor actor, UserId id) {
        requireVisible(actor, id);
        User user = users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
        if (!actor.is(id) && !actor.isAdmin()) {
            throw new ForbiddenException("only an ADMIN may change another user");
        }
        return user;
    }

    /** Loads a user only an ADMIN may change this way; to anyone who cannot see the user it does not exist. */
    static User loadForAdmin(UserRepository users, Actor actor, UserId id, String action) {
        requireVisible(actor, id);
        actor.requireAdmin(action);
        return users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    static void requireReader(Actor actor, String action) {
        if (!actor.canReadOthers()) {
            throw new ForbiddenException("only a MANAGER or ADMIN may " + action);
        }
    }
}
