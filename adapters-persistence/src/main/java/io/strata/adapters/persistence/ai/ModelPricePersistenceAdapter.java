package io.strata.adapters.persistence.ai;

import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.CriteriaSearch;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.domain.ai.ModelPrice;
import io.strata.domain.ai.ModelPriceId;
import io.strata.domain.ai.ModelPriceRepository;
import io.strata.domain.ai.ModelPriceSearch;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ModelPriceRepository} on PostgreSQL, in the caller's transaction ({@link JoinsTransaction}). */
@Singleton
@JoinsTransaction
public class ModelPricePersistenceAdapter implements ModelPriceRepository {
    static final CriteriaSearch<ModelPriceJpaEntity> SEARCH = CriteriaSearch.builder(
                    ModelPriceJpaEntity.class, ModelPriceSearch.SCHEMA)
            // q: the model or pattern contains the text (case-insensitive)
            .textContainsIgnoringCase("model")
            .build();

    /**
     * The price in effect (see {@link ModelPrice}): exact model before pattern, longer pattern before shorter, latest
     * version. The same ordering as {@link AiInteractionPersistenceAdapter#REPRICE}: both must pick the same row.
     */
    static final String IN_EFFECT_ORDER = "ORDER BY p.is_pattern, length(p.model) DESC, p.effective_from DESC LIMIT 1";

    static final String MATCHES = "(p.model = %1$s OR (p.is_pattern AND %1$s LIKE p.like_pattern))";

    private static final String IN_EFFECT = """
            SELECT p.id, p.model, p.input_per_million, p.cached_input_per_million, p.output_per_million,
                   p.effective_from, p.version, p.created_at, p.updated_at
            FROM ai_model_prices p
            WHERE p.effective_from <= cast(:at AS timestamptz) AND """ + MATCHES.formatted("cast(:model AS text)") + "\n" + IN_EFFECT_ORDER;

    private final EntityManager entityManager;
    private final ModelPriceJpaMapper mapper;

    ModelPricePersistenceAdapter(EntityManager entityManager, ModelPriceJpaMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Override
    public Optional<ModelPrice> findById(ModelPriceId id) {
        return Optional.ofNullable(entityManager.find(ModelPriceJpaEntity.class, id.value()))
                .map(mapper::toDomain);
    }

    @Override
    public ModelPrice add(ModelPrice price) {
        AggregateWrites.insert(entityManager, price, mapper.toEntity(price), e -> translate(e, price));
        return price;
    }

    @Override
    public void delete(ModelPrice price) {
        ModelPriceJpaEntity entity =
                entityManager.find(ModelPriceJpaEntity.class, price.id().value());
        if (entity == null) {
            throw new NotFoundException("Model price", price.id());
        }
        AggregateWrites.delete(entityManager, price, entity, "Model price", price.id(), e -> translate(e, price));
    }

    @Override
    public Page<ModelPrice> search(SearchCriteria criteria, PageRequest page) {
        return SEARCH.search(entityManager, criteria, page).map(mapper::toDomain);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<ModelPrice> inEffect(String model, Instant at) {
        List<ModelPriceJpaEntity> rows = entityManager
                .createNativeQuery(IN_EFFECT, ModelPriceJpaEntity.class)
                .setParameter("at", at)
                .setParameter("model", model)
                .getResultList();
        return rows.stream().findFirst().map(mapper::toDomain);
    }

    private static RuntimeException translate(PersistenceException error, ModelPrice price) {
        return PersistenceErrors.violatedConstraint(error)
                .<RuntimeException>map(constraint -> switch (constraint) {
                    case "ai_model_prices_pk" -> new ConflictException("price " + price.id() + " already exists");
                    case "ai_model_prices_version_uk" ->
                        new ConflictException("the price book already has a version of '" + price.model()
                                + "' effective from " + price.effectiveFrom());
                    case "ai_interactions_price_fk" ->
                        new ConflictException("price version " + price.id()
                                + " priced interactions and stays; add a newer version to change the price");
                    default -> PersistenceErrors.checkViolation(error, "ai_model_prices", constraint);
                })
                .orElse(error);
    }
}
