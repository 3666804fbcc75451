package io.strata.domain.plugins;

import io.strata.domain.shared.model.OutboundPort;
import java.util.List;
import java.util.Optional;

/**
 * Port: the security-violation ledger. Rows are appended and never changed, except that a dismissal is recorded
 * once. Callers hold the plugin's row lock ({@link PluginRepository#lock}) so the score they compute from
 * {@link #of} is exact.
 */
@OutboundPort
public interface SecurityLedger {
    void append(SecurityViolation violation);

    Optional<SecurityViolation> find(PluginId plugin, ViolationId id);

    /** Records the dismissal of a loaded violation; one that was dismissed meanwhile is a {@code ConflictException}. */
    void dismiss(SecurityViolation dismissed);

    /** Every violation of the plugin, dismissed or not, oldest first. */
    List<SecurityViolation> of(PluginId plugin);
}
