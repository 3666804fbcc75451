package io.strata.adapters.persistence.plugins;

import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.CriteriaSearch;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRef;
import io.strata.domain.plugins.PluginRepository;
import io.strata.domain.plugins.PluginSearch;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

/** {@link PluginRepository} on PostgreSQL, in the caller's transaction ({@link JoinsTransaction}). */
@Singleton
@JoinsTransaction
public class PluginPersistenceAdapter implements PluginRepository {
    static final CriteriaSearch<PluginJpaEntity> SEARCH = CriteriaSearch.builder(
                    PluginJpaEntity.class, PluginSearch.SCHEMA)
            .textContains("searchText")
            .build();

    private static final String BY_SLUG = "SELECT p FROM PluginJpaEntity p WHERE p.slug = :slug";

    private final EntityManager entityManager;
    private final PluginJpaMapper mapper;

    PluginPersistenceAdapter(EntityManager entityManager, PluginJpaMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Override
    public Optional<Plugin> find(PluginRef ref) {
        return load(ref, LockModeType.NONE).map(mapper::toDomain);
    }

    /** {@code SELECT ... FOR NO KEY UPDATE}: read after the lock is granted, so as the previous holder committed it. */
    @Override
    public Optional<Plugin> lock(PluginRef ref) {
        return load(ref, LockModeType.PESSIMISTIC_WRITE).map(mapper::toDomain);
    }

    private Optional<PluginJpaEntity> load(PluginRef ref, LockModeType lock) {
        if (ref instanceof PluginRef.ById byId) {
            return Optional.ofNullable(
                    entityManager.find(PluginJpaEntity.class, byId.id().value(), lock));
        }
        return entityManager
                .createQuery(BY_SLUG, PluginJpaEntity.class)
                .setParameter("slug", ((PluginRef.BySlug) ref).slug().value())
                .setLockMode(lock)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Plugin add(Plugin plugin) {
        AggregateWrites.insert(entityManager, plugin, mapper.toEntity(plugin), e -> translate(e, plugin));
        return plugin;
    }

    @Override
    public Plugin save(Plugin plugin) {
        return mapper.toDomain(AggregateWrites.saveChanges(
                entityManager,
                plugin,
                PluginJpaEntity.class,
                plugin.id().value(),
                plugin.version(),
                "Plugin",
                plugin.slug(),
                entity -> mapper.copyChanges(plugin, entity),
                e -> translate(e, plugin)));
    }

    @Override
    public void delete(Plugin plugin) {
        PluginJpaEntity entity =
                entityManager.find(PluginJpaEntity.class, plugin.id().value());
        if (entity == null) {
            throw new NotFoundException("Plugin", plugin.slug());
        }
        AggregateWrites.delete(entityManager, plugin, entity, "Plugin", plugin.slug(), e -> translate(e, plugin));
    }

    @Override
    public Page<Plugin> search(SearchCriteria criteria, PageRequest page) {
        return SEARCH.search(entityManager, criteria, page).map(mapper::toDomain);
    }

    private static RuntimeException translate(PersistenceException error, Plugin plugin) {
        return PersistenceErrors.violatedConstraint(error)
                .<RuntimeException>map(constraint -> switch (constraint) {
                    case "plugins_pkey" -> new ConflictException("plugin " + plugin.id() + " already exists");
                    case "plugins_slug_uk" ->
                        new ConflictException("plugin " + plugin.slug() + " was installed concurrently; retry");
                    default -> PersistenceErrors.checkViolation(error, "plugins", constraint);
                })
                .orElse(error);
    }
}
