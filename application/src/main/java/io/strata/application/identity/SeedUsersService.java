package io.strata.application.identity;

import io.strata.domain.identity.Email;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds every sample user through {@link User#create} (so the domain checks it like any other) from its
 * index in the run alone: mostly USER with some MANAGER, mostly ACTIVE, a few tags, some preferences.
 */
@Singleton
public class SeedUsersService implements SeedUsersUseCase {
    private static final String[] FIRST_NAMES = {
        "Ada",
        "Alan",
        "Barbara",
        "Claude",
        "Dennis",
        "Edsger",
        "Frances",
        "Grace",
        "Hedy",
        "John",
        "Katherine",
        "Ken",
        "Linus",
        "Margaret",
        "Niklaus",
        "Radia",
        "Sophie",
        "Tim"
    };
    private static final String[] LAST_NAMES = {
        "Lovelace",
        "Turing",
        "Liskov",
        "Shannon",
        "Ritchie",
        "Dijkstra",
        "Allen",
        "Hopper",
        "Lamarr",
        "Backus",
        "Johnson",
        "Thompson",
        "Torvalds",
        "Hamilton",
        "Wirth",
        "Perlman"
    };
    private static final String[] TEAMS = {"engineering", "design", "sales", "support", "marketing", "research"};
    private static final String[] SKILLS = {"java", "sql", "go", "python", "ux", "ops", "ml", "mobile"};
    private static final String TOKEN_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final UserCredentials credentials;
    private final Clock clock;

    public SeedUsersService(UserRepository users, UserCredentials credentials, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public Run start(Start command) {
        command.actor().requireAdmin("seed sample users");
        if (command.users() < 0 || command.users() > MAX_USERS) {
            throw new ValidationException("users", "must be 0 to " + MAX_USERS);
        }
        Password password = Password.newPassword("password", command.password());
        Instant now = clock.now();
        Duration spacing = spacing(command.users());
        return new Run(
                token(now),
                command.users(),
                now.minus(spacing.multipliedBy(Math.max(1, command.users()))),
                spacing,
                credentials.hash(password));
    }

    @Override
    @Transactional
    public List<UserId> seed(Command command) {
        command.actor().requireAdmin("seed sample users");
        Run run = command.run();
        if (command.count() < 1 || command.count() > MAX_BATCH) {
            throw new ValidationException("count", "must be 1 to " + MAX_BATCH);
        }
        if (command.from() < 0 || command.from() + command.count() > run.users()) {
            throw new ValidationException(
                    "from",
                    "users " + command.from() + ".." + (command.from() + command.count() - 1)
                            + " are outside the run of " + run.users());
        }
        List<User> batch = new ArrayList<>(command.count());
        for (long n = command.from(); n < command.from() + command.count(); n++) {
            batch.add(sampleUser(run, n));
        }
        users.addAll(batch, run.password());
        return batch.stream().map(User::id).toList();
    }

    /** User {@code n} of the run; every value derives from {@code n}, so runs differ only in their token. */
    private static User sampleUser(Run run, long n) {
        Instant at = run.firstCreatedAt().plus(run.spacing().multipliedBy(n));
        Clock then = () -> at;
        String name = "seed." + run.token() + "." + n;
        List<String> tags = n % 3 == 0 ? List.of(pick(TEAMS, n)) : List.of(pick(TEAMS, n), pick(SKILLS, n / 7));
        Map<String, Object> preferences = switch ((int) (n % 5)) {
            case 0 -> Map.of("theme", "dark");
            case 1 -> Map.of("theme", "light", "language", "en");
            default -> Map.of();
        };
        User user = User.create(
                new Email(name + "@example.com"),
                new Username(name),
                pick(FIRST_NAMES, n),
                pick(LAST_NAMES, n / 3),
                n % 10 == 3 ? Role.MANAGER : Role.USER,
                Tags.of(tags),
                preferences,
                then);
        if (n % 4 != 0) {
            user.verifyEmail(then);
        }
        if (n % 20 == 7) {
            user.deactivate(then);
        }
        return user;
    }

    private static String pick(String[] values, long k) {
        return values[(int) (k % values.length)];
    }

    /** Users spread over the past {@value #SPREAD_DAYS} days, at least a microsecond apart (timestamptz precision). */
    private static Duration spacing(long users) {
        long micros = ChronoUnit.DAYS.getDuration().multipliedBy(SPREAD_DAYS).toNanos() / 1_000 / Math.max(1, users);
        return Duration.of(Math.max(1, micros), ChronoUnit.MICROS);
    }

    /** Base-36 milliseconds plus two random digits: unique across runs, short enough for usernames. */
    private static String token(Instant now) {
        return Long.toString(now.toEpochMilli(), 36)
                + TOKEN_DIGITS.charAt(RANDOM.nextInt(36))
                + TOKEN_DIGITS.charAt(RANDOM.nextInt(36));
    }
}
