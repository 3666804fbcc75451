package io.strata.adapters.persistence.shared;

import io.strata.domain.shared.user.Actor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Row-level security's settings: who acts in the current transaction, read by the policies as
 * {@code (SELECT current_setting('strata.user_id', true))} and {@code (SELECT current_setting('strata.role', true))}.
 * They are always set with {@code set_config(..., true)}, local to the transaction, so that a pooled connection
 * never carries them into the next one; a transaction that sets nothing sees no rows of a protected table.
 *
 * <p>Who acts is a per-thread value: the authenticated user of the HTTP request being served (set by the request
 * filter and carried onto the thread that runs the controller), else {@link #SYSTEM}, Strata's own work: the
 * authentication itself, the public endpoints that establish who acts (log-in, sign-up), background jobs, startup
 * and the {@code db} commands. {@link RowSecurityDataSource} applies it when a transaction begins.
 */
public final class RowSecurity {
    public static final String USER_SETTING = "strata.user_id";
    public static final String ROLE_SETTING = "strata.role";
    /** The role of Strata's own work that no user asked for: migrations, the db commands, background jobs. */
    public static final String SYSTEM = "SYSTEM";

    /** One statement, sent by pgjdbc in the same round trip as the transaction's {@code BEGIN}. */
    static final String SET_ACTING =
            "SELECT set_config('" + ROLE_SETTING + "', ?, true), set_config('" + USER_SETTING + "', ?, true)";

    /** Who acts: a role ({@code USER}, {@code MANAGER}, {@code ADMIN} or {@link #SYSTEM}) and a user id ({@code ""} for none). */
    public record Acting(String role, String userId) {
        public static final Acting SYSTEM_WORK = new Acting(SYSTEM, "");

        public Acting {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(userId, "userId");
        }

        /** The acting user of a use case ({@link Actor#system()} is {@link #SYSTEM_WORK}). */
        public static Acting of(Actor actor) {
            if (actor.equals(Actor.system())) {
                return SYSTEM_WORK;
            }
            return new Acting(actor.role().name(), actor.userId().value().toString());
        }
    }

    private static final ThreadLocal<Acting> CURRENT = new ThreadLocal<>();

    private RowSecurity() {}

    /** Who acts in transactions begun on this thread now ({@link Acting#SYSTEM_WORK} unless a request set a user). */
    public static Acting current() {
        Acting acting = CURRENT.get();
        return acting == null ? Acting.SYSTEM_WORK : acting;
    }

    /** Sets who acts on this thread; returns the previous value, for {@link #restore}. */
    public static Acting enter(Acting acting) {
        Acting previous = CURRENT.get();
        CURRENT.set(acting);
        return previous;
    }

    /** Puts back what {@link #enter} returned. */
    public static void restore(Acting previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** Runs {@code work} with {@code acting} as who acts in the transactions it begins. */
    public static <T> T actingAs(Acting acting, Supplier<T> work) {
        Acting previous = enter(acting);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    /** Sets who acts for {@code connection}'s current transaction (autocommit off). */
    public static void apply(Connection connection, Acting acting) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SET_ACTING)) {
            statement.setString(1, acting.role());
            statement.setString(2, acting.userId());
            try (ResultSet ignored = statement.executeQuery()) {
                // the values set; nothing to read
            }
        }
    }

    /** Marks {@code connection}'s current transaction as Strata's own work ({@link #SYSTEM}). */
    public static void actAsSystem(Connection connection) throws SQLException {
        apply(connection, Acting.SYSTEM_WORK);
    }
}
