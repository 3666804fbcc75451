package io.strata.adapters.persistence.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.messaging.AttachmentId;
import io.strata.domain.messaging.ChatMessage;
import io.strata.domain.messaging.ChatMessageId;
import io.strata.domain.messaging.ChatRoom;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** domain -> entity -> domain keeps every field of a room and of a message (a reply, edited; a deleted one). */
class ChatJpaMappersTest {
    private final ChatRoomJpaMapper rooms = new ChatRoomJpaMapperImpl();
    private final ChatMessageJpaMapper messages = new ChatMessageJpaMapperImpl();
    private final AuditStamp stamp = new AuditStamp(
            3, Instant.parse("2026-03-01T10:00:00.123456Z"), Instant.parse("2026-03-02T11:30:00.654321Z"));

    @Test
    void aRoomRoundTripsWithItsMembers() {
        UserId creator = new UserId(UUID.randomUUID());
        Set<UserId> members = new LinkedHashSet<>(List.of(creator, new UserId(UUID.randomUUID())));
        ChatRoom room = ChatRoom.reconstitute(ChatRoomId.newId(), "general", creator, members, stamp);

        ChatRoom back = rooms.toDomain(rooms.toEntity(room));

        assertThat(back).usingRecursiveComparison().ignoringFields("events").isEqualTo(room);
    }

    @Test
    void messagesRoundTripFieldByField() {
        ChatRoomId room = ChatRoomId.newId();
        UserId sender = new UserId(UUID.randomUUID());
        ChatMessage reply = ChatMessage.reconstitute(
                ChatMessageId.newId(),
                room,
                sender,
                "edited text",
                ChatMessageId.newId(),
                List.of(AttachmentId.newId(), AttachmentId.newId()),
                Instant.parse("2026-03-02T11:00:00.000001Z"),
                null,
                7,
                9,
                stamp);
        ChatMessage deleted = ChatMessage.reconstitute(
                ChatMessageId.newId(),
                room,
                sender,
                null,
                null,
                List.of(),
                null,
                Instant.parse("2026-03-02T11:30:00.654321Z"),
                8,
                10,
                stamp);
        for (ChatMessage message : List.of(reply, deleted)) {
            ChatMessage back = messages.toDomain(messages.toEntity(message));
            assertThat(back).usingRecursiveComparison().ignoringFields("events").isEqualTo(message);
        }
    }
}
