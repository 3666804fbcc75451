package io.strata.adapters.persistence.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.messaging.AttachmentId;
import io.strata.domain.messaging.Email;
import io.strata.domain.messaging.EmailAddress;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.Recipients;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** domain -> entity -> domain keeps every field of an e-mail; the search text never holds the bcc. */
class EmailJpaMapperTest {
    private final EmailJpaMapper mapper = new EmailJpaMapperImpl();
    private final Clock clock = () -> Instant.parse("2026-03-01T10:00:00.123456Z");

    @Test
    void aSentReplyRoundTripsFieldByField() {
        UserId sender = new UserId(UUID.randomUUID());
        Email original = Email.draft(
                sender,
                new EmailAddress("ada@example.org"),
                new Recipients(
                        List.of(new EmailAddress("bob@example.org")),
                        List.of(new EmailAddress("carol@example.org")),
                        List.of(new EmailAddress("hidden@example.org"))),
                "Subject",
                "Body",
                null,
                null,
                List.of(EmailId.newId()),
                List.of(AttachmentId.newId(), AttachmentId.newId()),
                clock);
        original.send(clock);
        Email reply = Email.reply(
                new UserId(UUID.randomUUID()), new EmailAddress("bob@example.org"), original, null, true, clock);
        for (Email email : List.of(original, reply)) {
            EmailJpaEntity row = mapper.toEntity(email);
            Email back = mapper.toDomain(row);
            assertThat(back).usingRecursiveComparison().ignoringFields("events").isEqualTo(email);
            assertThat(row.getSearchText()).doesNotContain("hidden@example.org");
        }
        assertThat(mapper.toEntity(original).getSearchText())
                .contains("subject", "body", "ada@example.org", "bob@example.org", "carol@example.org");
    }
}
