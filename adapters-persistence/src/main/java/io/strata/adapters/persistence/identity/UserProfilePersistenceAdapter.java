package io.strata.adapters.persistence.identity;

import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.domain.identity.UserProfile;
import io.strata.domain.identity.UserProfileRepository;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

/** {@link UserProfileRepository} on PostgreSQL; runs in the caller's transaction. */
@Singleton
@JoinsTransaction
public class UserProfilePersistenceAdapter implements UserProfileRepository {
    private final EntityManager entityManager;
    private final UserProfileJpaRepository repository;
    private final UserProfileJpaMapper mapper;

    UserProfilePersistenceAdapter(
            EntityManager entityManager, UserProfileJpaRepository repository, UserProfileJpaMapper mapper) {
        this.entityManager = entityManager;
        this.repository = repository;
        this.mapper = mapper;
    }

    @Override
    public Optional<UserProfile> findByUserId(UserId userId) {
        return repository.findByUserId(userId.value()).map(mapper::toDomain);
    }

    /** Inserts at once: a second profile is a {@link ConflictException}, an unknown user a {@link NotFoundException}. */
    @Override
    public UserProfile add(UserProfile profile) {
        AggregateWrites.insert(entityManager, profile, mapper.toEntity(profile), e -> translate(e, profile));
        return profile;
    }

    @Override
    public UserProfile save(UserProfile profile) {
        return mapper.toDomain(AggregateWrites.saveChanges(
                entityManager,
                profile,
                UserProfileJpaEntity.class,
                profile.id(),
                profile.version(),
                "profile of user",
                profile.userId(),
                entity -> mapper.copyChanges(profile, entity),
                e -> translate(e, profile)));
    }

    private static RuntimeException translate(PersistenceException error, UserProfile profile) {
        return PersistenceErrors.violatedConstraint(error)
                .<RuntimeException>map(constraint -> switch (constraint) {
                    case "user_profiles_user_uk", "user_profiles_pk" ->
                        new ConflictException("user " + profile.userId() + " already has a profile");
                    case "user_profiles_user_fk" -> new NotFoundException("user", profile.userId());
                    default -> error;
                })
                .orElse(error);
    }
}
