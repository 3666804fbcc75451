package io.strata.adapters.persistence.shared;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
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
 * <p>Who acts: the work's own choice ({@link #actingAs}, on its thread: background jobs, the {@code db} commands),
 * else the authenticated user of the HTTP request being served ({@link RequestElement}, which the request filter
 * puts in Micronaut's propagated context, so it follows the request onto the thread that runs the controller), else
 * {@link #SYSTEM}, Strata's own work: the authentication itself, the public endpoints that establish who acts
 * (log-in, sign-up), startup. {@link RowSecurityDataSource} reads it when a transaction begins. The request's user is
 * read from the context where it is needed rather than copied into a thread-local at every hop: such a thread
 * element is set and put back at every propagation of the context (every transaction, every executor hop), 2% of
 * the samples of {@code GET /projects/{id}}.
 */
public final class RowSecurity {
    public static final String USER_SETTING = "strata.user_id";
    public static final String ROLE_SETTING = "strata.role";
    /** The role of Strata's own work that no user asked for: migrations, the db commands, background jobs. */
    public static final String SYSTEM = "SYSTEM";

    /**
     * One statement, sent by pgjdbc in the same round trip as the transaction's {@code BEGIN}; in a
     * {@link JdbcTransaction}, also in the round trip of its first statement ({@link ActingFirstStatement}).
     */
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
            if (actor.isSystem()) {
                return SYSTEM_WORK;
            }
            return new Acting(actor.role().name(), actor.userId().value().toString());
        }
    }

    /** The user of the HTTP request being served, in Micronaut's propagated context (added by a request filter). */
    public record RequestElement(Acting acting) implements PropagatedContextElement {
        public RequestElement {
            Objects.requireNonNull(acting, "acting");
        }
    }

    private static final ThreadLocal<Acting> CHOSEN = new ThreadLocal<>();

    private RowSecurity() {}

    /**
     * Who acts in transactions begun on this thread now: what {@link #actingAs} chose, else the request's user, else
     * {@link Acting#SYSTEM_WORK}.
     */
    public static Acting current() {
        Acting chosen = CHOSEN.get();
        if (chosen != null) {
            return chosen;
        }
        // find(Class) walks the context's few elements; no copy
        return PropagatedContext.getOrEmpty()
                .find(RequestElement.class)
                .map(RequestElement::acting)
                .orElse(Acting.SYSTEM_WORK);
    }

    /** Runs {@code work} with {@code acting} as who acts in the transactions it begins on this thread. */
    public static <T> T actingAs(Acting acting, Supplier<T> work) {
        Acting previous = CHOSEN.get();
        CHOSEN.set(acting);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CHOSEN.remove();
            } else {
                CHOSEN.set(previous);
            }
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
