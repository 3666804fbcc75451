package io.strata.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmailTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private final Clock clock = now::get;
    private final UserId sender = new UserId(UUID.randomUUID());
    private final UserId reader = new UserId(UUID.randomUUID());
    private final EmailAddress from = new EmailAddress("Ada@Example.org");
    private final EmailAddress to = new EmailAddress("bob@example.org");
    private final EmailAddress hidden = new EmailAddress("hidden@example.org");

    private Email draft(Recipients recipients) {
        return Email.draft(sender, from, recipients, "Hello", "Body", null, null, List.of(), List.of(), clock);
    }

    private Recipients toBobBccHidden() {
        return new Recipients(List.of(to), List.of(), List.of(hidden));
    }

    @Test
    void addressesAreLowerCasedAndCheckedNamingTheField() {
        assertThat(from.value()).isEqualTo("ada@example.org");
        assertThatThrownBy(() -> EmailAddress.of("cc[1]", "not an address"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("cc[1]"));
        assertThatThrownBy(() -> EmailAddress.of("to[0]", "a\u0000b@example.org"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> EmailAddress.of("to[0]", null)).isInstanceOf(ValidationException.class);
        assertThat(Recipients.parse("to", List.of("A@x.org", "a@x.org"))).hasSize(1);
    }

    @Test
    void aNewDraftStartsItsOwnThreadAndRecordsTheSave() {
        Email email = draft(toBobBccHidden());
        assertThat(email.status()).isEqualTo(EmailStatus.DRAFT);
        assertThat(email.threading().threadId()).isEqualTo(email.id());
        assertThat(email.threading().reason()).isEqualTo(ThreadReason.NEW);
        assertThat(email.pullEvents()).singleElement().isInstanceOf(EmailDraftSaved.class);
    }

    @Test
    void sendingNeedsARecipientAndASentEmailIsImmutable() {
        Email empty = draft(Recipients.none());
        assertThatThrownBy(() -> empty.send(clock))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("to"));

        Email email = draft(toBobBccHidden());
        email.pullEvents();
        now.set(now.get().plusSeconds(5));
        email.send(clock);
        assertThat(email.status()).isEqualTo(EmailStatus.SENT);
        assertThat(email.sentAt()).isEqualTo(now.get());
        assertThat(email.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        EmailSent.class,
                        sent -> assertThat(sent.toString())
                                .doesNotContain(hidden.value())
                                .doesNotContain(to.value()));
        assertThatThrownBy(() -> email.send(clock)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> email.update(Recipients.none(), "x", "y", List.of(), clock))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aDraftUpdateReplacesItsContentAndChecksIt() {
        Email email = draft(Recipients.none());
        email.update(toBobBccHidden(), "New", "Text", List.of(AttachmentId.newId()), clock);
        assertThat(email.subject()).isEqualTo("New");
        assertThat(email.recipients().bcc()).containsExactly(hidden);
        assertThatThrownBy(() -> email.update(Recipients.none(), "s".repeat(Email.SUBJECT_MAX + 1), null, null, clock))
                .isInstanceOf(ValidationException.class);
        List<AttachmentId> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> email.update(Recipients.none(), null, null, withNull, clock))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("attachments[0]"));
        assertThat(email.subject()).isEqualTo("New");
    }

    @Test
    void onlyTheSenderSeesTheBcc() {
        Email email = draft(toBobBccHidden());
        assertThat(email.seenBy(sender).recipients().bcc()).containsExactly(hidden);
        Email copy = email.seenBy(reader);
        assertThat(copy.recipients().bcc()).isEmpty();
        assertThat(copy.recipients().to()).containsExactly(to);
        assertThat(email.recipients().bcc()).containsExactly(hidden);
    }

    @Test
    void aReplyJoinsTheThreadWithReferencesAndNeverAddressesTheBcc() {
        Email original =
                draft(new Recipients(List.of(to), List.of(new EmailAddress("carol@example.org")), List.of(hidden)));
        original.send(clock);
        Email reply = Email.reply(reader, to, original.seenBy(reader), "Thanks", true, clock);
        assertThat(reply.subject()).isEqualTo("Re: Hello");
        assertThat(reply.threading().threadId()).isEqualTo(original.id());
        assertThat(reply.threading().inReplyTo()).isEqualTo(original.id());
        assertThat(reply.threading().references()).containsExactly(original.id());
        assertThat(reply.threading().reason()).isEqualTo(ThreadReason.IN_REPLY_TO);
        assertThat(reply.recipients().to()).containsExactly(from);
        assertThat(reply.recipients().cc()).containsExactly(new EmailAddress("carol@example.org"));
        assertThat(reply.recipients().all()).doesNotContain(hidden, to);

        reply.send(clock);
        Email second = Email.reply(sender, from, reply, "again", false, clock);
        assertThat(second.subject()).isEqualTo("Re: Hello");
        assertThat(second.threading().references()).containsExactly(original.id(), reply.id());
        assertThat(second.threading().threadId()).isEqualTo(original.id());
    }

    @Test
    void aBccRecipientsReplyAllGoesToTheSenderOnly() {
        Email original = draft(new Recipients(List.of(to), List.of(), List.of(hidden)));
        original.send(clock);
        Email reply = Email.reply(reader, hidden, original.seenBy(reader), "me too", true, clock);
        assertThat(reply.recipients().to()).containsExactly(from);
        assertThat(reply.recipients().cc()).isEmpty();
    }

    @Test
    void referencesAloneJoinAThreadAndDraftsCannotBeRepliedTo() {
        Email original = draft(toBobBccHidden());
        assertThatThrownBy(() -> Email.draft(
                        reader, to, Recipients.none(), null, null, original, null, List.of(), List.of(), clock))
                .isInstanceOf(ValidationException.class);
        original.send(clock);
        Email byReferences = Email.draft(
                reader,
                to,
                Recipients.none(),
                null,
                null,
                null,
                original,
                List.of(EmailId.newId(), original.id()),
                List.of(),
                clock);
        assertThat(byReferences.threading().reason()).isEqualTo(ThreadReason.REFERENCES);
        assertThat(byReferences.threading().threadId()).isEqualTo(original.id());
        assertThat(byReferences.threading().inReplyTo()).isNull();

        List<EmailId> many =
                IntStream.range(0, 60).mapToObj(i -> EmailId.newId()).toList();
        Email trimmed = Email.draft(reader, to, Recipients.none(), null, null, null, null, many, List.of(), clock);
        assertThat(trimmed.threading().references())
                .hasSize(Threading.MAX_REFERENCES)
                .endsWith(many.get(59));
        assertThat(trimmed.threading().reason()).isEqualTo(ThreadReason.NEW);
    }

    @Test
    void recipientsAreBoundedAndFiltersChecked() {
        List<EmailAddress> many = IntStream.range(0, 101)
                .mapToObj(i -> new EmailAddress("u" + i + "@example.org"))
                .toList();
        assertThatThrownBy(() -> new Recipients(many, List.of(), List.of())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new MailFilter(null, null, "q".repeat(201), null, null))
                .isInstanceOf(ValidationException.class);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> new MailFilter(null, null, null, t, t)).isInstanceOf(ValidationException.class);
        assertThat(new MailFilter(null, null, "  ", null, null).q()).isNull();
        assertThat(MailFolder.TRASH.isMoveTarget()).isTrue();
        assertThat(MailFolder.SENT.isMoveTarget()).isFalse();
    }
}
