package io.strata.bootstrap.runtime;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.strata.application.identity.EnsureFirstAdminUseCase;
import io.strata.domain.shared.error.ConflictException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first ADMIN from {@code STRATA_ADMIN_EMAIL} / {@code STRATA_ADMIN_PASSWORD} when the
 * database has no user yet; otherwise does nothing. Without those settings no admin is created.
 *
 * <p>A start that serves does it on a thread of its own ({@link StartupWork}), beside the making of the routes and
 * the HTTP server; the port opens after it is done. Any other start (a {@code db} command, a test's context) does it
 * on the main thread when its context has started.
 */
@Singleton
@Requires(property = "strata.admin.email")
@Requires(property = "strata.admin.password")
@Requires(property = "strata.jobs.enabled", notEquals = "false") // off for db verify, which writes nothing
public class FirstAdminInitializer {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdminInitializer.class);

    private final EnsureFirstAdminUseCase ensureFirstAdmin;
    private final String email;
    private final String password;
    private final StartupWork work;
    private final boolean serving;

    public FirstAdminInitializer(
            EnsureFirstAdminUseCase ensureFirstAdmin,
            @Value("${strata.admin.email}") String email,
            @Value("${strata.admin.password}") String password,
            StartupWork work,
            @Value("${" + StrataRuntime.SERVING_PROPERTY + ":false}") boolean serving) {
        this.ensureFirstAdmin = ensureFirstAdmin;
        this.email = email;
        this.password = password;
        this.work = work;
        this.serving = serving;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (serving) {
            work.start("first-admin", () -> {
                ensure();
                return null;
            });
        } else {
            ensure();
        }
    }

    private void ensure() {
        try {
            ensureFirstAdmin
                    .ensureFirstAdmin(new EnsureFirstAdminUseCase.Command(email, password))
                    .ifPresent(admin -> LOG.info("Created the first ADMIN {} ({})", admin.username(), admin.email()));
        } catch (ConflictException e) {
            LOG.info("First ADMIN already created by another instance");
        }
    }
}
