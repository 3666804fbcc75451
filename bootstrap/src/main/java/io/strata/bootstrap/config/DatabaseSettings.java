package io.strata.bootstrap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the database is: a JDBC URL without credentials, plus the user and password to connect with.
 *
 * <p>{@link #fromEnvironment(Map)} reads {@code STRATA_DB_URL} ({@code jdbc:postgresql://...} or
 * {@code postgres[ql]://user:pass@host:port/db?params}), {@code STRATA_DB_USER} and {@code STRATA_DB_PASSWORD}.
 * Credentials embedded in the URL (userinfo, or {@code user=}/{@code password=} query parameters of a JDBC URL)
 * are moved out of the URL so that it can be shown in messages; the environment variables win over them.
 */
public record DatabaseSettings(String jdbcUrl, String username, String password) {

    public static final String URL_ENV = "STRATA_DB_URL";
    public static final String USER_ENV = "STRATA_DB_USER";
    public static final String PASSWORD_ENV = "STRATA_DB_PASSWORD";

    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    public DatabaseSettings {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("jdbcUrl is required");
        }
    }

    /** The external database configured in the environment, or empty if {@code STRATA_DB_URL} is unset/blank. */
    public static Optional<DatabaseSettings> fromEnvironment(Map<String, String> env) {
        String url = blankToNull(env.get(URL_ENV));
        if (url == null) {
            return Optional.empty();
        }
        DatabaseSettings parsed = parse(url.strip());
        String user = firstNonNull(blankToNull(env.get(USER_ENV)), parsed.username());
        String password = firstNonNull(env.get(PASSWORD_ENV), parsed.password());
        return Optional.of(new DatabaseSettings(parsed.jdbcUrl(), user, password));
    }

    /**
     * Parses a JDBC URL or a {@code postgres://} / {@code postgresql://} URL.
     *
     * @throws IllegalArgumentException with a one-line message if the URL is not usable
     */
    public static DatabaseSettings parse(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith(JDBC_PREFIX)) {
            return fromJdbc(url);
        }
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            return fromPostgresUri(url);
        }
        throw new IllegalArgumentException(
                URL_ENV + " must be a jdbc:postgresql://... or postgres://user:pass@host:port/db URL, got '"
                        + redact(url) + "'");
    }

    private static DatabaseSettings fromJdbc(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return new DatabaseSettings(url, null, null);
        }
        String user = null;
        String password = null;
        List<String> kept = new ArrayList<>();
        for (String param : url.substring(query + 1).split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String key = eq < 0 ? param : param.substring(0, eq);
            String value = eq < 0 ? "" : decode(param.substring(eq + 1));
            if (key.equals("user")) {
                user = value;
            } else if (key.equals("password")) {
                password = value;
            } else {
                kept.add(param);
            }
        }
        String base = url.substring(0, query);
        return new DatabaseSettings(kept.isEmpty() ? base : base + "?" + String.join("&", kept), user, password);
    }

    private static DatabaseSettings fromPostgresUri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL_ENV + " is not a valid URL: " + e.getReason());
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(URL_ENV + " has no host: '" + redact(url) + "'");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        StringBuilder jdbc = new StringBuilder(JDBC_PREFIX).append("//").append(host);
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        jdbc.append(path == null || path.isEmpty() ? "/" : path);
        DatabaseSettings withQuery =
                fromJdbc(uri.getRawQuery() == null ? jdbc.toString() : jdbc + "?" + uri.getRawQuery());
        return new DatabaseSettings(
                withQuery.jdbcUrl(),
                firstNonNull(user, withQuery.username()),
                firstNonNull(password, withQuery.password()));
    }

    /** Properties for the Micronaut {@code default} datasource. */
    public Map<String, Object> toMicronautProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("datasources.default.url", jdbcUrl);
        if (username != null) {
            properties.put("datasources.default.username", username);
        }
        if (password != null) {
            properties.put("datasources.default.password", password);
        }
        return properties;
    }

    /** A plain JDBC connection (outside any pool), named {@code applicationName} in {@code pg_stat_activity}. */
    public java.sql.Connection connect(String applicationName) throws java.sql.SQLException {
        java.util.Properties properties = new java.util.Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", applicationName);
        java.sql.Connection connection = new org.postgresql.Driver().connect(jdbcUrl, properties);
        if (connection == null) {
            throw new java.sql.SQLException("not a PostgreSQL JDBC URL: " + jdbcUrl, "08001");
        }
        return connection;
    }

    /** A data source of plain connections (no pool), named {@code applicationName} in {@code pg_stat_activity}. */
    public javax.sql.DataSource dataSource(String applicationName) {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        if (username != null) {
            dataSource.setUser(username);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        dataSource.setApplicationName(applicationName);
        dataSource.setConnectTimeout(5);
        return dataSource;
    }

    /** The same database as another user (the application role, or the owner). */
    public DatabaseSettings as(String user, String userPassword) {
        return new DatabaseSettings(jdbcUrl, user, userPassword);
    }

    /** The URL as shown to operators (never contains credentials: they were moved out when parsing). */
    public String displayUrl() {
        return jdbcUrl;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password="
                + (password == null ? "null" : "***") + "]";
    }

    private static String redact(String url) {
        return url.replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
