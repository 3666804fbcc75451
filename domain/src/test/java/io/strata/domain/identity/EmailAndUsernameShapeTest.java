package io.strata.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Email and Username check their shape by a scan; the regular expressions they replaced are the oracle here, over
 * random strings built from the characters that matter (separators, whitespace, case, the allowed alphabet).
 */
class EmailAndUsernameShapeTest {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9_.-]{3,50}$");
    private static final String ALPHABET = "aZ9@@..__--  \t\n\u000B\f\r\u00A0é+\u2028";

    @Test
    void emailAcceptsExactlyWhatTheRegularExpressionAccepted() {
        Random random = new Random(20261202);
        for (int n = 0; n < 200_000; n++) {
            String candidate = randomString(random, 1 + random.nextInt(80));
            assertThat(accepts(() -> new Email(candidate)))
                    .as("%s", candidate.replace("\n", "\\n").replace("\t", "\\t"))
                    .isEqualTo(emailOracle(candidate));
        }
    }

    @Test
    void usernameAcceptsExactlyWhatTheRegularExpressionAccepted() {
        Random random = new Random(1202);
        for (int n = 0; n < 200_000; n++) {
            String candidate = randomString(random, random.nextInt(60));
            assertThat(accepts(() -> new Username(candidate)))
                    .as(candidate)
                    .isEqualTo(USERNAME.matcher(candidate).matches());
        }
        assertThat(accepts(() -> new Username("a".repeat(50)))).isTrue();
        assertThat(accepts(() -> new Username("a".repeat(51)))).isFalse();
    }

    @Test
    void emailLimitsHoldAtTheirEdges() {
        assertThat(new Email(" " + "A".repeat(64) + "@Example.COM ").value())
                .isEqualTo("a".repeat(64) + "@example.com");
        assertThat(accepts(() -> new Email("a".repeat(65) + "@example.com"))).isFalse();
        assertThat(accepts(() -> new Email("a@" + "b".repeat(250) + ".c"))).isTrue(); // 254 characters
        assertThat(accepts(() -> new Email("a@" + "b".repeat(251) + ".c"))).isFalse();
        assertThat(accepts(() -> new Email("a@.c"))).isFalse();
        assertThat(accepts(() -> new Email("a@b."))).isFalse();
        assertThat(accepts(() -> new Email("a@b.c"))).isTrue();
    }

    private static boolean emailOracle(String raw) {
        if (raw.isBlank() || Storable.textProblem(raw) != null) {
            return false;
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        return value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    private static String randomString(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // mostly letters, so that long well-formed candidates occur
            text.append(
                    random.nextInt(3) == 0
                            ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                            : (char) ('a' + random.nextInt(3)));
        }
        return text.toString();
    }

    private static boolean accepts(Runnable construct) {
        try {
            construct.run();
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }
}
