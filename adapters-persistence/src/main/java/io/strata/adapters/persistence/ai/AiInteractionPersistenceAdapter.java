package io.strata.adapters.persistence.ai;

import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.CriteriaSearch;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.domain.ai.AiInteraction;
import io.strata.domain.ai.AiInteractionId;
import io.strata.domain.ai.AiInteractionRepository;
import io.strata.domain.ai.AiInteractionRepriced;
import io.strata.domain.ai.AiInteractionSearch;
import io.strata.domain.ai.ModelPriceId;
import io.strata.domain.ai.RepriceResult;
import io.strata.domain.ai.UsageGrouping;
import io.strata.domain.ai.UsageQuery;
import io.strata.domain.ai.UsageReport;
import io.strata.domain.ai.UsageRow;
import io.strata.domain.ai.Usd;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link AiInteractionRepository} on PostgreSQL, in the caller's transaction ({@link JoinsTransaction}). The usage report
 * and the reprice are single SQL statements: no interaction is loaded to compute them.
 */
@Singleton
@JoinsTransaction
public class AiInteractionPersistenceAdapter implements AiInteractionRepository {
    static final CriteriaSearch<AiInteractionJpaEntity> SEARCH = CriteriaSearch.builder(
                    AiInteractionJpaEntity.class, AiInteractionSearch.SCHEMA)
            // q: model or module contains the text (case-insensitive)
            .textContainsIgnoringCase("model", "module")
            .build();

    /** Invalid time zone parameter (PostgreSQL does not know a zone Java knows). */
    private static final String INVALID_PARAMETER_VALUE = "22023";

    /**
     * Groups and the total (the empty grouping set) in one pass; the group key is computed once in the inner
     * select so that the zone parameter appears once. Percentiles are continuous (interpolated), exact.
     */
    private static final String USAGE = """
            SELECT k, grouping(k),
                   count(*),
                   count(*) FILTER (WHERE status = 'ERROR'),
                   coalesce(sum(prompt_tokens), 0),
                   coalesce(sum(cached_prompt_tokens), 0),
                   coalesce(sum(completion_tokens), 0),
                   coalesce(sum(total_tokens), 0),
                   coalesce(sum(cost_usd), 0),
                   count(*) FILTER (WHERE cost_source = 'UNPRICED'),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)
            FROM (SELECT %s AS k, status, prompt_tokens, cached_prompt_tokens, completion_tokens, total_tokens,
                         cost_usd, cost_source, latency_ms
                  FROM ai_interactions
                  WHERE true%s) i
            GROUP BY GROUPING SETS ((k), ())
            ORDER BY grouping(k), k COLLATE "C"
            """;

    /**
     * The price in effect for each interaction of the range (the same rule as
     * {@link ModelPricePersistenceAdapter#IN_EFFECT_ORDER}), the exact cost from it (multiplying by 0.000001 keeps
     * numeric arithmetic exact; dividing would round), then the update of the rows whose cost or version changes.
     */
    static final String REPRICE = """
            WITH candidates AS (
                SELECT i.id, i.cost_usd AS previous_cost, p.id AS price_id,
                       ((i.prompt_tokens - i.cached_prompt_tokens) * p.input_per_million
                        + i.cached_prompt_tokens * p.cached_input_per_million
                        + i.completion_tokens * p.output_per_million) * 0.000001 AS new_cost
                FROM ai_interactions i
                CROSS JOIN LATERAL (
                    SELECT p.id, p.input_per_million, p.cached_input_per_million, p.output_per_million
                    FROM ai_model_prices p
                    WHERE p.effective_from <= i.occurred_at AND """
            + ModelPricePersistenceAdapter.MATCHES.formatted("i.model") + "\n"
            + "                    " + ModelPricePersistenceAdapter.IN_EFFECT_ORDER + """
                ) p
                WHERE i.occurred_at >= cast(:from AS timestamptz) AND i.occurred_at < cast(:to AS timestamptz)
                  AND (i.cost_source <> 'GIVEN' OR cast(:includeGiven AS boolean))
                FOR NO KEY UPDATE OF i
            ), changed AS (
                UPDATE ai_interactions t
                SET cost_usd = c.new_cost, price_id = c.price_id, cost_source = 'PRICE_BOOK',
                    version = t.version + 1, updated_at = greatest(cast(:now AS timestamptz), t.updated_at)
                FROM candidates c
                WHERE t.id = c.id AND (t.cost_usd IS DISTINCT FROM c.new_cost OR t.price_id IS DISTINCT FROM c.price_id)
                RETURNING t.id, c.previous_cost, t.cost_usd, t.price_id
            )
            SELECT id, previous_cost, cost_usd, price_id FROM changed""";

    private final EntityManager entityManager;
    private final AiInteractionJpaMapper mapper;

    AiInteractionPersistenceAdapter(EntityManager entityManager, AiInteractionJpaMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Override
    public Optional<AiInteraction> findById(AiInteractionId id) {
        return Optional.ofNullable(entityManager.find(AiInteractionJpaEntity.class, id.value()))
                .map(mapper::toDomain);
    }

    @Override
    public AiInteraction add(AiInteraction interaction) {
        AggregateWrites.insert(
                entityManager, interaction, mapper.toEntity(interaction), AiInteractionPersistenceAdapter::translate);
        return interaction;
    }

    @Override
    public Page<AiInteraction> search(SearchCriteria criteria, PageRequest page, UserId visibleTo) {
        CriteriaSearch.Scope<AiInteractionJpaEntity> own =
                visibleTo == null ? null : CriteriaSearch.Scope.equal("userId", visibleTo.value());
        return SEARCH.search(entityManager, criteria, page, own).map(mapper::toDomain);
    }

    @Override
    @SuppressWarnings("unchecked")
    public UsageReport usage(UsageQuery query) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.from() != null) {
            where.append(" AND occurred_at >= cast(:from AS timestamptz)");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" AND occurred_at < cast(:to AS timestamptz)");
            parameters.put("to", query.to());
        }
        if (query.model() != null) {
            where.append(" AND model = :model");
            parameters.put("model", query.model());
        }
        if (query.module() != null) {
            where.append(" AND module = :module");
            parameters.put("module", query.module());
        }
        if (query.userId() != null) {
            where.append(" AND user_id = :userId");
            parameters.put("userId", query.userId().value());
        }
        String key = key(query.grouping());
        if (query.grouping() == UsageGrouping.DAY) {
            parameters.put("zone", query.zone().getId());
        }
        Query statement = entityManager.createNativeQuery(USAGE.formatted(key, where), Object[].class);
        parameters.forEach(statement::setParameter);
        List<Object[]> rows;
        try {
            rows = statement.getResultList();
        } catch (PersistenceException e) {
            if (PersistenceErrors.sqlState(e)
                    .filter(INVALID_PARAMETER_VALUE::equals)
                    .isPresent()) {
                throw new ValidationException(
                        "zone", "'" + query.zone().getId() + "' is not a time zone the database knows");
            }
            throw e;
        }
        List<UsageRow> groups = new ArrayList<>();
        UsageRow total = null;
        for (Object[] row : rows) {
            if (number(row[2]) == 0) {
                continue; // the empty grouping set over no rows: no total (and no percentile to report)
            }
            UsageRow usage = new UsageRow(
                    row[0] == null ? null : row[0].toString(),
                    number(row[2]),
                    number(row[3]),
                    number(row[4]),
                    number(row[5]),
                    number(row[6]),
                    number(row[7]),
                    ((BigDecimal) row[8]).setScale(Usd.COST_SCALE),
                    number(row[9]),
                    ((Number) row[10]).doubleValue(),
                    ((Number) row[11]).doubleValue());
            if (number(row[1]) == 1) {
                total = usage;
            } else {
                groups.add(usage);
            }
        }
        return new UsageReport(query, groups, total);
    }

    /** The group key expression: fixed SQL per grouping (never client text); days in the bound zone. */
    private static String key(UsageGrouping grouping) {
        return switch (grouping) {
            case DAY -> "to_char(cast(occurred_at AT TIME ZONE cast(:zone AS text) AS date), 'YYYY-MM-DD')";
            case MODEL -> "model";
            case MODULE -> "module";
            case USER -> "cast(user_id AS text)";
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public RepriceResult reprice(Instant from, Instant to, boolean includeGiven, Instant now) {
        List<Object[]> rows;
        try {
            rows = entityManager
                    .createNativeQuery(REPRICE, Object[].class)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .setParameter("includeGiven", includeGiven)
                    .setParameter("now", now)
                    .getResultList();
        } catch (PersistenceException e) {
            if (PersistenceErrors.isNumericOverflow(e)) {
                throw new ConflictException("a repriced cost would exceed the largest storable cost");
            }
            throw e;
        }
        BigDecimal previous = BigDecimal.ZERO.setScale(Usd.COST_SCALE);
        BigDecimal current = BigDecimal.ZERO.setScale(Usd.COST_SCALE);
        Map<UUID, List<DomainEvent>> events = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            BigDecimal before = row[1] == null ? null : ((BigDecimal) row[1]).setScale(Usd.COST_SCALE);
            BigDecimal after = ((BigDecimal) row[2]).setScale(Usd.COST_SCALE);
            previous = before == null ? previous : previous.add(before);
            current = current.add(after);
            events.put(
                    id,
                    List.of(new AiInteractionRepriced(
                            new AiInteractionId(id), before, after, new ModelPriceId((UUID) row[3]), now)));
        }
        if (!events.isEmpty()) {
            AggregateWrites.appendEvents(entityManager, AiInteraction.class, events);
        }
        return new RepriceResult(rows.size(), previous, current);
    }

    private static RuntimeException translate(PersistenceException error) {
        return PersistenceErrors.violatedConstraint(error)
                .<RuntimeException>map(constraint -> switch (constraint) {
                    case "ai_interactions_pk" -> new ConflictException("the interaction already exists");
                    case "ai_interactions_user_fk" -> new ValidationException("userId", "no such user");
                    case "ai_interactions_price_fk" ->
                        new ConflictException("the price version in effect was removed meanwhile; record again");
                    default -> PersistenceErrors.checkViolation(error, "ai_interactions", constraint);
                })
                .orElse(error);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
