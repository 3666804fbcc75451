package io.strata.bootstrap.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.strata.adapters.web.shared.Problems;
import io.strata.bootstrap.database.SchemaMigrations;
import jakarta.inject.Named;
import java.security.Principal;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code GET /api/v1/admin/migrations} (ADMIN only): the schema's status as {@code strata db info} shows it (current
 * version, the latest this Strata knows, pending and applied migrations with their times, whether each has a
 * rollback script) and its history as {@code strata db history} shows it (applications and rollbacks in order).
 * Read through the application's pool: it only reads Flyway's and Strata's bookkeeping tables. Who may read it is
 * decided before this controller runs, as for the health details ({@link HealthDetailsAccess} gives an ADMIN's
 * request a principal; the web adapter's authentication has already answered 401 to a request without a valid
 * token), so this operational endpoint calls no application code.
 */
@Controller(MigrationsController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MigrationsController {
    static final String PATH = "/api/v1/admin/migrations";

    private final SchemaMigrations migrations;

    public MigrationsController(@Named("default") DataSource dataSource, @Nullable DataSourceResolver resolver) {
        DataSource resolved = resolver != null ? resolver.resolve(dataSource) : dataSource;
        this.migrations = new SchemaMigrations(resolved, SchemaMigrations.MIGRATIONS, SchemaMigrations.ROLLBACKS);
    }

    @Get
    public HttpResponse<?> migrations(HttpRequest<?> request, @Nullable Principal administrator) {
        if (administrator == null) {
            return Problems.forStatus(request, HttpStatus.FORBIDDEN, "only an ADMIN may read the schema's migrations");
        }
        SchemaMigrations.Status status = migrations.info();
        return HttpResponse.ok(new MigrationsResponse(
                status.currentVersion(),
                status.currentDescription(),
                status.latestKnown(),
                status.pending().size(),
                status.failed().size(),
                status.migrations().stream()
                        .map(e -> new Migration(
                                e.version(),
                                e.description(),
                                e.state(),
                                e.installedOn() == null ? null : e.installedOn().toString(),
                                e.installedBy(),
                                e.executionMs(),
                                e.rollbackScript().isPresent()))
                        .toList(),
                migrations.history().stream()
                        .map(h -> new Event(
                                h.at().toString(), h.event(), h.version(), h.description(), h.by(), h.executionMs()))
                        .toList()));
    }

    @Serdeable
    public record MigrationsResponse(
            @Nullable String currentVersion,
            @Nullable String currentDescription,
            @Nullable String latestKnown,
            int pending,
            int failed,
            List<Migration> migrations,
            List<Event> history) {}

    @Serdeable
    public record Migration(
            String version,
            String description,
            String state,
            @Nullable String installedAt,
            @Nullable String installedBy,
            @Nullable Integer executionMs,
            boolean rollbackScript) {}

    @Serdeable
    public record Event(
            String at,
            String event,
            String version,
            String description,
            @Nullable String by,
            @Nullable Integer executionMs) {}
}
