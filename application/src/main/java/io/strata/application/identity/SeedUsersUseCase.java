package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.HashedPassword;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sample users for development and load tests: an operator command (ADMIN only; the CLI acts as
 * {@code Actor.system()}), never exposed over HTTP.
 *
 * <p>{@link #start} prepares a run: a token that keeps e-mails and usernames unique across runs
 * ({@code seed.<token>.<n>@example.com}), creation times spread over the past {@value #SPREAD_DAYS} days and
 * strictly increasing within the run, and the one sample password, hashed once for every user of the
 * run. {@link #seed} then stores users {@code from .. from + count - 1} of the run in one transaction,
 * so the caller chooses the batch size and reports progress between batches.
 */
@UseCase
public interface SeedUsersUseCase {
    long MAX_USERS = 100_000_000L;
    int MAX_BATCH = 50_000;
    int SPREAD_DAYS = 30;

    /** Checks the sizes and hashes the password (argon2id, once). Writes nothing. */
    Run start(Start command);

    /** Stores one batch of the run in one transaction; returns the ids of its users in order. */
    List<UserId> seed(Command command);

    record Start(Actor actor, long users, String password) {
        @Override
        public String toString() {
            return "SeedUsers.Start[users=" + users + "]";
        }
    }

    /** What every batch of a run shares: user {@code n} is created at {@code firstCreatedAt + n * spacing}. */
    record Run(String token, long users, Instant firstCreatedAt, Duration spacing, HashedPassword password) {}

    record Command(Actor actor, Run run, long from, int count) {}
}
