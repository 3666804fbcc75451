package io.strata.bench.baseline;

import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.bench.baseline.BearerAuthentication.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code GET /api/v1/users/{id}} and {@code GET /api/v1/users?role=eq.<ROLE>&sort=-createdAt&limit=&cursor=}
 * with Strata's statements: the column list is Hibernate's whole entity (password_hash and search_text
 * included, so the same bytes cross the wire), never exposed in the JSON.
 */
@Controller("/api/v1/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class UserController {
    private static final String COLUMNS = "select uje1_0.id,uje1_0.created_at,uje1_0.email,uje1_0.email_verified,"
            + "uje1_0.email_verified_at,uje1_0.first_name,uje1_0.last_login_at,uje1_0.last_name,uje1_0.login_count,"
            + "uje1_0.password_changed_at,uje1_0.password_hash,uje1_0.preferences,uje1_0.role,uje1_0.search_text,"
            + "uje1_0.status,uje1_0.tags,uje1_0.updated_at,uje1_0.username,uje1_0.version from users uje1_0";
    /** Strata's read of a user in a read-only transaction (its adapter's plain read, no Hibernate query). */
    private static final String FIND_BY_ID = """
            SELECT id, email, username, first_name, last_name, role, status, email_verified, email_verified_at,
                   password_changed_at, last_login_at, login_count, tags, preferences, version, created_at, updated_at
            FROM users
            WHERE id = ?""";
    private static final String FIRST_PAGE = COLUMNS
            + " where uje1_0.role=? order by 2 desc,1 desc fetch first ? rows only";
    /** Rows after the cursor in (created_at desc, id desc); the redundant {@code <=} lets PostgreSQL range-scan. */
    private static final String NEXT_PAGE = COLUMNS + " where uje1_0.role=? and uje1_0.created_at<=? "
            + "and (uje1_0.created_at<? or uje1_0.created_at=? and uje1_0.id<?) order by 2 desc,1 desc "
            + "fetch first ? rows only";

    private static final Set<String> ROLES = Set.of("ADMIN", "MANAGER", "USER", "GUEST");
    private static final Set<String> LIST_PARAMETERS = Set.of("role", "sort", "limit", "cursor");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    private final Jdbc jdbc;
    private final JsonMapper json;

    UserController(Jdbc jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Get("/{id}")
    public HttpResponse<Json.User> get(@RequestAttribute(BearerAuthentication.CALLER) Caller caller, String id) {
        UUID userId = Ids.parse("id", id);
        // USER and GUEST see only themselves: anyone else "does not exist", without a query (as Strata)
        if (!caller.userId().equals(userId) && !caller.canReadOthers()) {
            throw ApiProblem.notFound("User", userId);
        }
        Json.User user = jdbc.readOnly(caller.role(), caller.userId().toString(), connection -> findById(connection, userId))
                .orElseThrow(() -> ApiProblem.notFound("User", userId));
        return HttpResponse.ok(user).header(HttpHeaders.ETAG, ETags.of(user.version()));
    }

    /** Only the list the benchmark reads: one role, newest first, keyset paging. */
    @Get
    public Json.Page<Json.User> search(@RequestAttribute(BearerAuthentication.CALLER) Caller caller,
                                       HttpRequest<?> request) {
        ConvertibleMultiValues<String> parameters = request.getParameters();
        for (String name : parameters.names()) {
            if (!LIST_PARAMETERS.contains(name) || parameters.getAll(name).size() > 1) {
                throw ApiProblem.validation(name, "the baseline serves only role=eq.<ROLE>&sort=-createdAt"
                        + "&limit=<n>&cursor=<c>, each once");
            }
        }
        String role = role(parameters.get("role"));
        String sort = parameters.get("sort");
        if (sort != null && !sort.equals("-createdAt")) {
            throw ApiProblem.validation("sort", "the baseline sorts only by -createdAt");
        }
        int limit = limit(parameters.get("limit"));
        String cursor = parameters.get("cursor");
        UserCursor.Position after = cursor == null ? null : UserCursor.decode(cursor);
        if (!caller.canReadOthers()) {
            throw ApiProblem.forbidden("only a MANAGER or ADMIN may list users");
        }

        List<Json.User> rows = jdbc.readOnly(caller.role(), caller.userId().toString(), connection -> page(connection, role, after, limit + 1));
        boolean more = rows.size() > limit;
        List<Json.User> items = more ? rows.subList(0, limit) : rows;
        Json.User last = items.isEmpty() ? null : items.get(items.size() - 1);
        String next = more ? UserCursor.encode(new UserCursor.Position(last.createdAt(), last.id())) : null;
        return new Json.Page<>(items, new Json.PageInfo(limit, next, null));
    }

    private Optional<Json.User> findById(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(FIND_BY_ID)) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    private List<Json.User> page(Connection connection, String role, UserCursor.Position after, int rows)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(after == null ? FIRST_PAGE : NEXT_PAGE)) {
            int p = 1;
            select.setString(p++, role);
            if (after != null) {
                select.setObject(p++, Jdbc.timestamp(after.createdAt()));
                select.setObject(p++, Jdbc.timestamp(after.createdAt()));
                select.setObject(p++, Jdbc.timestamp(after.createdAt()));
                select.setObject(p++, after.id());
            }
            select.setInt(p, rows);
            try (ResultSet rs = select.executeQuery()) {
                List<Json.User> users = new ArrayList<>(rows);
                while (rs.next()) {
                    users.add(user(rs));
                }
                return users;
            }
        }
    }

    private Json.User user(ResultSet rs) throws SQLException {
        String username = rs.getString("username");
        String firstName = rs.getString("first_name");
        String lastName = rs.getString("last_name");
        String fullName = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return new Json.User(Jdbc.uuid(rs, "id"), rs.getString("email"), username, firstName, lastName,
                fullName.isEmpty() ? username : fullName, rs.getString("role"), rs.getString("status"),
                rs.getBoolean("email_verified"), Jdbc.instant(rs, "email_verified_at"),
                Jdbc.instant(rs, "password_changed_at"), Jdbc.instant(rs, "last_login_at"), rs.getLong("login_count"),
                new TreeSet<>(List.of(Jdbc.strings(rs, "tags"))), jsonObject(rs.getString("preferences")),
                rs.getLong("version"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }

    /** A jsonb object as a map in jsonb's key order (what Hibernate hands Strata). */
    private Map<String, Object> jsonObject(String text) {
        try {
            return json.readValue(text, JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String role(String filter) {
        String value = filter == null || !filter.regionMatches(true, 0, "eq.", 0, 3) ? null
                : filter.substring(3).toUpperCase(Locale.ROOT);
        if (value == null || !ROLES.contains(value)) {
            throw ApiProblem.validation("role", "the baseline needs role=eq.<ROLE>, one of ADMIN, MANAGER, USER, GUEST");
        }
        return value;
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.validation("limit", "must be an integer between 1 and " + MAX_LIMIT + ", was '" + text + "'");
    }
}
