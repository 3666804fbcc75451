package io.strata.domain.plugins;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import java.util.Optional;

/** Port: plugin rows. Storing a plugin appends the events it recorded to the outbox, in the caller's transaction. */
@OutboundPort
public interface PluginRepository {
    Optional<Plugin> find(PluginRef ref);

    /**
     * Locks the plugin's row until the transaction ends ({@code FOR NO KEY UPDATE}) and loads it as last committed:
     * changes of one plugin (violations, score, config) then run one at a time.
     */
    Optional<Plugin> lock(PluginRef ref);

    /** Inserts; a slug taken meanwhile is a {@code ConflictException}. */
    Plugin add(Plugin plugin);

    /** Stores changes at the loaded version; a concurrent commit first is a {@code StaleVersionException}. */
    Plugin save(Plugin plugin);

    /** Deletes the row (and, by the database, its ledger) at the loaded version and appends the plugin's events. */
    void delete(Plugin plugin);

    /** A page of plugins; a page costs a constant number of statements. */
    Page<Plugin> search(SearchCriteria criteria, PageRequest page);
}
