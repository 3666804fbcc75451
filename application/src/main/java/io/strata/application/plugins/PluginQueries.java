package io.strata.application.plugins;

import io.strata.application.shared.Query;
import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRef;
import io.strata.domain.plugins.SecurityScore;
import io.strata.domain.plugins.SecurityViolation;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import java.util.List;

/** Reads of the plugin registry (ADMIN or MANAGER). */
@Query
public interface PluginQueries {
    Plugin get(Actor actor, PluginRef ref);

    Page<Plugin> search(Actor actor, SearchCriteria criteria, PageRequest page);

    /** The score explained: each failing check's penalty and the violations behind it, from one snapshot. */
    ScoreReport score(Actor actor, PluginRef ref);

    record ScoreReport(Plugin plugin, SecurityScore score, int threshold, List<SecurityViolation> dismissed) {}
}
