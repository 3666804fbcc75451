package io.strata.adapters.persistence.plugins;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PlainReads;
import io.strata.domain.plugins.Dismissal;
import io.strata.domain.plugins.PluginId;
import io.strata.domain.plugins.SecurityLedger;
import io.strata.domain.plugins.SecurityViolation;
import io.strata.domain.plugins.Severity;
import io.strata.domain.plugins.ViolationId;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link SecurityLedger} on {@code plugin_security_violations}: plain SQL in the transaction ({@link PlainReads}; an
 * append-only ledger has no entity to load and change). The table's trigger refuses every other change.
 */
@Singleton
@JoinsTransaction
public class SecurityLedgerPersistenceAdapter implements SecurityLedger {
    private static final String COLUMNS = "id, plugin_id, plugin_version, check_name, severity, evidence, "
            + "recorded_at, recorded_by, dismissed_at, dismissed_by, dismiss_reason";
    private static final String APPEND = "INSERT INTO plugin_security_violations (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)";
    private static final String FIND =
            "SELECT " + COLUMNS + " FROM plugin_security_violations WHERE plugin_id = ? AND id = ?";
    private static final String OF_PLUGIN =
            "SELECT " + COLUMNS + " FROM plugin_security_violations WHERE plugin_id = ? ORDER BY recorded_at, id";
    private static final String DISMISS = "UPDATE plugin_security_violations"
            + " SET dismissed_at = ?, dismissed_by = ?, dismiss_reason = ? WHERE id = ? AND dismissed_at IS NULL";

    private final EntityManager entityManager;

    SecurityLedgerPersistenceAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void append(SecurityViolation v) {
        update(APPEND, s -> {
            s.setObject(1, v.id().value());
            s.setObject(2, v.pluginId().value());
            s.setString(3, v.pluginVersion());
            s.setString(4, v.check());
            s.setString(5, v.severity().name());
            s.setString(6, v.evidence());
            PlainReads.setInstant(s, 7, v.recordedAt());
            s.setObject(8, v.recordedBy() == null ? null : v.recordedBy().value());
        });
    }

    @Override
    public Optional<SecurityViolation> find(PluginId plugin, ViolationId id) {
        return query(FIND, s -> {
                    s.setObject(1, plugin.value());
                    s.setObject(2, id.value());
                })
                .stream()
                .findFirst();
    }

    @Override
    public void dismiss(SecurityViolation dismissed) {
        Dismissal dismissal = dismissed.dismissal();
        int rows = update(DISMISS, s -> {
            PlainReads.setInstant(s, 1, dismissal.at());
            s.setObject(2, dismissal.by().value());
            s.setString(3, dismissal.reason());
            s.setObject(4, dismissed.id().value());
        });
        if (rows != 1) {
            throw new ConflictException("violation " + dismissed.id() + " was already dismissed");
        }
    }

    @Override
    public List<SecurityViolation> of(PluginId plugin) {
        return query(OF_PLUGIN, s -> s.setObject(1, plugin.value()));
    }

    /**
     * The transaction's plain statements: on a JDBC transaction without a session when the use case runs on one,
     * counted and converted as Hibernate's own.
     */
    private List<SecurityViolation> query(String sql, PlainReads.Parameters parameters) {
        return PlainReads.statements(entityManager).query(sql, parameters, rows -> {
            List<SecurityViolation> result = new ArrayList<>();
            while (rows.next()) {
                result.add(violation(rows));
            }
            return result;
        });
    }

    private int update(String sql, PlainReads.Parameters parameters) {
        return PlainReads.statements(entityManager).update(sql, parameters);
    }

    private static SecurityViolation violation(ResultSet row) throws SQLException {
        Instant dismissedAt = instant(row, "dismissed_at");
        return new SecurityViolation(
                new ViolationId(row.getObject("id", UUID.class)),
                new PluginId(row.getObject("plugin_id", UUID.class)),
                row.getString("plugin_version"),
                row.getString("check_name"),
                Severity.valueOf(row.getString("severity")),
                row.getString("evidence"),
                instant(row, "recorded_at"),
                userId(row.getObject("recorded_by", UUID.class)),
                dismissedAt == null
                        ? null
                        : new Dismissal(
                                dismissedAt,
                                userId(row.getObject("dismissed_by", UUID.class)),
                                row.getString("dismiss_reason")));
    }

    private static UserId userId(UUID id) {
        return id == null ? null : new UserId(id);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return PlainReads.instant(row, row.findColumn(column));
    }
}
