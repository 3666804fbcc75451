package io.strata.adapters.persistence.messaging;

import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.domain.messaging.Email;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.EmailRepository;
import io.strata.domain.shared.error.ConflictException;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

/** {@link EmailRepository} on PostgreSQL, in the caller's transaction ({@link JoinsTransaction}). */
@Singleton
@JoinsTransaction
public class EmailPersistenceAdapter implements EmailRepository {
    private final EntityManager entityManager;
    private final EmailJpaMapper mapper;

    EmailPersistenceAdapter(EntityManager entityManager, EmailJpaMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Override
    public Optional<Email> findById(EmailId id) {
        return Optional.ofNullable(entityManager.find(EmailJpaEntity.class, id.value()))
                .map(mapper::toDomain);
    }

    @Override
    public Email add(Email email) {
        AggregateWrites.insert(entityManager, email, mapper.toEntity(email), EmailPersistenceAdapter::translate);
        return email;
    }

    @Override
    public Email save(Email email) {
        EmailJpaEntity saved = AggregateWrites.saveChanges(
                entityManager,
                email,
                EmailJpaEntity.class,
                email.id().value(),
                email.version(),
                "Email",
                email.id(),
                entity -> mapper.copyChanges(email, entity),
                EmailPersistenceAdapter::translate);
        return mapper.toDomain(saved);
    }

    static RuntimeException translate(PersistenceException error) {
        return PersistenceErrors.violatedConstraint(error)
                .<RuntimeException>map(constraint -> switch (constraint) {
                    case "emails_pk" -> new ConflictException("the e-mail already exists");
                    case "emails_sender_fk" -> new ConflictException("the sender no longer exists");
                    default -> PersistenceErrors.checkViolation(error, "emails", constraint);
                })
                .orElse(error);
    }
}
