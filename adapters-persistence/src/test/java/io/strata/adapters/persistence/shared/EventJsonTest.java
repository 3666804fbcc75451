package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.ai.AiInteractionId;
import io.strata.domain.ai.AiInteractionRecorded;
import io.strata.domain.ai.AiInteractionRepriced;
import io.strata.domain.ai.CostSource;
import io.strata.domain.ai.InteractionStatus;
import io.strata.domain.ai.ModelPriceAdded;
import io.strata.domain.ai.ModelPriceId;
import io.strata.domain.ai.ModelPriceRemoved;
import io.strata.domain.ai.TokenUsage;
import io.strata.domain.community.CaseId;
import io.strata.domain.community.CaseOpened;
import io.strata.domain.community.CaseReasonChanged;
import io.strata.domain.community.CaseResolved;
import io.strata.domain.community.CaseType;
import io.strata.domain.community.GuildConfigChanged;
import io.strata.domain.community.GuildId;
import io.strata.domain.community.MemberId;
import io.strata.domain.community.MemberJoined;
import io.strata.domain.community.PointsTransferred;
import io.strata.domain.content.DocumentCreated;
import io.strata.domain.content.DocumentDeleted;
import io.strata.domain.content.DocumentId;
import io.strata.domain.content.DocumentKind;
import io.strata.domain.content.DocumentPurged;
import io.strata.domain.content.DocumentRestored;
import io.strata.domain.content.DocumentRevised;
import io.strata.domain.content.DocumentRevisionDeleted;
import io.strata.domain.content.DocumentShared;
import io.strata.domain.content.DocumentUnshared;
import io.strata.domain.content.FileDeleted;
import io.strata.domain.content.FilePurged;
import io.strata.domain.content.FileRestored;
import io.strata.domain.content.FileUploaded;
import io.strata.domain.content.FileVisibilityChanged;
import io.strata.domain.content.Sha256;
import io.strata.domain.content.SharePermission;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.content.Visibility;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.HashedPassword;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.SessionId;
import io.strata.domain.identity.SessionRevoked;
import io.strata.domain.identity.SessionStarted;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserDeleted;
import io.strata.domain.identity.UserEmailVerified;
import io.strata.domain.identity.UserPasswordChanged;
import io.strata.domain.identity.UserRegistered;
import io.strata.domain.identity.UserRoleChanged;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.identity.UserStatusChanged;
import io.strata.domain.identity.Username;
import io.strata.domain.messaging.ChatMessageDeleted;
import io.strata.domain.messaging.ChatMessageEdited;
import io.strata.domain.messaging.ChatMessageId;
import io.strata.domain.messaging.ChatMessagePosted;
import io.strata.domain.messaging.ChatRoomCreated;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.messaging.ChatRoomJoined;
import io.strata.domain.messaging.ChatRoomLeft;
import io.strata.domain.messaging.EmailDraftSaved;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.EmailSent;
import io.strata.domain.messaging.ThreadReason;
import io.strata.domain.plugins.PluginDisabledByScore;
import io.strata.domain.plugins.PluginId;
import io.strata.domain.plugins.PluginInstalled;
import io.strata.domain.plugins.PluginStatus;
import io.strata.domain.plugins.PluginStatusChanged;
import io.strata.domain.plugins.PluginType;
import io.strata.domain.plugins.PluginUninstalled;
import io.strata.domain.plugins.PluginUpdated;
import io.strata.domain.plugins.PluginViolationDismissed;
import io.strata.domain.plugins.PluginViolationRecorded;
import io.strata.domain.plugins.Severity;
import io.strata.domain.plugins.ViolationId;
import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.ProjectCreated;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.ProjectMemberAdded;
import io.strata.domain.workspace.ProjectMemberRemoved;
import io.strata.domain.workspace.ProjectStatus;
import io.strata.domain.workspace.ProjectStatusChanged;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskAssigneeChanged;
import io.strata.domain.workspace.TaskCreated;
import io.strata.domain.workspace.TaskId;
import io.strata.domain.workspace.TaskStatus;
import io.strata.domain.workspace.TaskStatusChanged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published shape of every domain event: its type name and payload. A change here is a change of what
 * subscribers receive, so the expected JSON is spelled out; a new event must be added to {@link #CATALOGUE}.
 */
class EventJsonTest {
    private static final Instant AT = Instant.parse("2026-02-03T04:05:06.123456Z");
    private static final UserId USER = new UserId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final UserId OTHER = new UserId(UUID.fromString("00000000-0000-0000-0000-0000000000a2"));
    private static final SessionId SESSION = new SessionId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final ProjectId PROJECT = new ProjectId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    private static final TaskId TASK = new TaskId(UUID.fromString("00000000-0000-0000-0000-0000000000d1"));
    private static final String U = "\"00000000-0000-0000-0000-0000000000a1\"";
    private static final String U2 = "\"00000000-0000-0000-0000-0000000000a2\"";
    private static final String P = "\"00000000-0000-0000-0000-0000000000c1\"";
    private static final String T = "\"00000000-0000-0000-0000-0000000000d1\"";

    /** One instance of every domain event, with its type name and payload. */
    private static final Map<DomainEvent, String[]> CATALOGUE = new LinkedHashMap<>();

    static {
        put(
                new UserRegistered(USER, new Email("Ada@Example.com"), new Username("ada"), Role.USER, AT),
                "identity.UserRegistered",
                "{\"userId\":" + U + ",\"email\":\"ada@example.com\",\"username\":\"ada\"," + "\"role\":\"USER\"}");
        put(
                new UserStatusChanged(USER, UserStatus.ACTIVE, UserStatus.INACTIVE, AT),
                "identity.UserStatusChanged",
                "{\"userId\":" + U + ",\"from\":\"ACTIVE\",\"to\":\"INACTIVE\"}");
        put(
                new UserRoleChanged(USER, Role.USER, Role.MANAGER, AT),
                "identity.UserRoleChanged",
                "{\"userId\":" + U + ",\"from\":\"USER\",\"to\":\"MANAGER\"}");
        put(
                new UserEmailVerified(USER, new Email("ada@example.com"), AT),
                "identity.UserEmailVerified",
                "{\"userId\":" + U + ",\"email\":\"ada@example.com\"}");
        put(new UserPasswordChanged(USER, AT), "identity.UserPasswordChanged", "{\"userId\":" + U + "}");
        put(new UserDeleted(USER, AT), "identity.UserDeleted", "{\"userId\":" + U + "}");
        put(
                new SessionStarted(SESSION, USER, AT.plusSeconds(3600), AT),
                "identity.SessionStarted",
                "{\"sessionId\":\"00000000-0000-0000-0000-0000000000b1\",\"userId\":" + U
                        + ",\"expiresAt\":\"2026-02-03T05:05:06.123456Z\"}");
        put(
                new SessionRevoked(SESSION, USER, AT),
                "identity.SessionRevoked",
                "{\"sessionId\":\"00000000-0000-0000-0000-0000000000b1\",\"userId\":" + U + "}");
        put(
                new ProjectCreated(PROJECT, "Apollo \"11\"", USER, List.of(USER, OTHER), AT),
                "workspace.ProjectCreated",
                "{\"projectId\":" + P + ",\"name\":\"Apollo \\\"11\\\"\",\"ownerId\":" + U + ",\"members\":[" + U + ","
                        + U2 + "]}");
        put(
                new ProjectStatusChanged(PROJECT, ProjectStatus.PLANNING, ProjectStatus.ACTIVE, AT),
                "workspace.ProjectStatusChanged",
                "{\"projectId\":" + P + ",\"from\":\"PLANNING\",\"to\":\"ACTIVE\"}");
        put(
                new ProjectMemberAdded(PROJECT, OTHER, AT),
                "workspace.ProjectMemberAdded",
                "{\"projectId\":" + P + ",\"userId\":" + U2 + "}");
        put(
                new ProjectMemberRemoved(PROJECT, OTHER, AT),
                "workspace.ProjectMemberRemoved",
                "{\"projectId\":" + P + ",\"userId\":" + U2 + "}");
        put(
                new TaskCreated(TASK, PROJECT, "Build\u2028it", null, AT),
                "workspace.TaskCreated",
                "{\"taskId\":" + T + ",\"projectId\":" + P + ",\"title\":\"Build\u2028it\",\"assigneeId\":null}");
        put(
                new TaskStatusChanged(TASK, PROJECT, TaskStatus.TODO, TaskStatus.DONE, AT),
                "workspace.TaskStatusChanged",
                "{\"taskId\":" + T + ",\"projectId\":" + P + ",\"from\":\"TODO\",\"to\":\"DONE\"}");
        put(
                new TaskAssigneeChanged(TASK, PROJECT, null, OTHER, AT),
                "workspace.TaskAssigneeChanged",
                "{\"taskId\":" + T + ",\"projectId\":" + P + ",\"from\":null,\"to\":" + U2 + "}");
        String sha = "ab".repeat(32);
        StoredFileId file = new StoredFileId(UUID.fromString("00000000-0000-0000-0000-0000000000e1"));
        String f = "\"00000000-0000-0000-0000-0000000000e1\"";
        put(
                new FileUploaded(file, USER, new Sha256(sha), 42, AT),
                "content.FileUploaded",
                "{\"fileId\":" + f + ",\"ownerId\":" + U + ",\"sha256\":\"" + sha + "\",\"sizeBytes\":42}");
        put(
                new FileVisibilityChanged(file, Visibility.PUBLIC, AT),
                "content.FileVisibilityChanged",
                "{\"fileId\":" + f + ",\"visibility\":\"PUBLIC\"}");
        put(
                new FileDeleted(file, UUID.fromString("00000000-0000-0000-0000-0000000000f1"), AT),
                "content.FileDeleted",
                "{\"fileId\":" + f + ",\"deletionId\":\"00000000-0000-0000-0000-0000000000f1\"}");
        put(new FileRestored(file, AT), "content.FileRestored", "{\"fileId\":" + f + "}");
        put(
                new FilePurged(file, new Sha256(sha), AT),
                "content.FilePurged",
                "{\"fileId\":" + f + ",\"sha256\":\"" + sha + "\"}");
        DocumentId doc = new DocumentId(UUID.fromString("00000000-0000-0000-0000-0000000000d1"));
        String d = "\"00000000-0000-0000-0000-0000000000d1\"";
        UUID batch = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
        String b = "\"00000000-0000-0000-0000-0000000000f2\"";
        put(
                new DocumentCreated(doc, USER, DocumentKind.TEXT, AT),
                "content.DocumentCreated",
                "{\"documentId\":" + d + ",\"ownerId\":" + U + ",\"kind\":\"TEXT\"}");
        put(
                new DocumentRevised(doc, 3, USER, 1, AT),
                "content.DocumentRevised",
                "{\"documentId\":" + d + ",\"revision\":3,\"authorId\":" + U + ",\"restoredFrom\":1}");
        put(
                new DocumentShared(doc, USER, SharePermission.EDIT, null, AT),
                "content.DocumentShared",
                "{\"documentId\":" + d + ",\"userId\":" + U + ",\"permission\":\"EDIT\",\"expiresAt\":null}");
        put(
                new DocumentUnshared(doc, USER, AT),
                "content.DocumentUnshared",
                "{\"documentId\":" + d + ",\"userId\":" + U + "}");
        put(
                new DocumentDeleted(doc, batch, AT),
                "content.DocumentDeleted",
                "{\"documentId\":" + d + ",\"deletionId\":" + b + "}");
        put(
                new DocumentRestored(doc, batch, AT),
                "content.DocumentRestored",
                "{\"documentId\":" + d + ",\"deletionId\":" + b + "}");
        put(
                new DocumentRevisionDeleted(doc, 1, batch, AT),
                "content.DocumentRevisionDeleted",
                "{\"documentId\":" + d + ",\"revision\":1,\"deletionId\":" + b + "}");
        put(
                new DocumentPurged(doc, USER, AT),
                "content.DocumentPurged",
                "{\"documentId\":" + d + ",\"ownerId\":" + U + "}");
    }

    static {
        ChatRoomId room = new ChatRoomId(UUID.fromString("00000000-0000-0000-0000-0000000000e1"));
        ChatMessageId message = new ChatMessageId(UUID.fromString("00000000-0000-0000-0000-0000000000f1"));
        String r = "\"00000000-0000-0000-0000-0000000000e1\"";
        String m = "\"00000000-0000-0000-0000-0000000000f1\"";
        put(
                new ChatRoomCreated(room, "Ops", USER, AT),
                "messaging.ChatRoomCreated",
                "{\"roomId\":" + r + ",\"name\":\"Ops\",\"creatorId\":" + U + "}");
        put(
                new ChatRoomJoined(room, OTHER, AT),
                "messaging.ChatRoomJoined",
                "{\"roomId\":" + r + ",\"userId\":" + U2 + "}");
        put(
                new ChatRoomLeft(room, OTHER, AT),
                "messaging.ChatRoomLeft",
                "{\"roomId\":" + r + ",\"userId\":" + U2 + "}");
        put(
                new ChatMessagePosted(message, room, USER, null, AT),
                "messaging.ChatMessagePosted",
                "{\"messageId\":" + m + ",\"roomId\":" + r + ",\"senderId\":" + U + ",\"replyToId\":null}");
        put(
                new ChatMessageEdited(message, room, AT),
                "messaging.ChatMessageEdited",
                "{\"messageId\":" + m + ",\"roomId\":" + r + "}");
        put(
                new ChatMessageDeleted(message, room, OTHER, AT),
                "messaging.ChatMessageDeleted",
                "{\"messageId\":" + m + ",\"roomId\":" + r + ",\"deletedBy\":" + U2 + "}");
    }

    static {
        EmailId email = new EmailId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
        EmailId thread = new EmailId(UUID.fromString("00000000-0000-0000-0000-0000000000c0"));
        String e = "\"00000000-0000-0000-0000-0000000000c1\"";
        String t = "\"00000000-0000-0000-0000-0000000000c0\"";
        put(
                new EmailDraftSaved(email, USER, AT),
                "messaging.EmailDraftSaved",
                "{\"emailId\":" + e + ",\"senderId\":" + U + "}");
        put(
                new EmailSent(email, USER, thread, ThreadReason.IN_REPLY_TO, AT),
                "messaging.EmailSent",
                "{\"emailId\":" + e + ",\"senderId\":" + U + ",\"threadId\":" + t
                        + ",\"threadReason\":\"IN_REPLY_TO\"}");
    }

    static {
        AiInteractionId interaction = new AiInteractionId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
        ModelPriceId price = new ModelPriceId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
        put(
                new AiInteractionRecorded(
                        interaction,
                        USER,
                        "chat",
                        "gpt-4o",
                        InteractionStatus.SUCCESS,
                        new TokenUsage(100, 20, 50, 150),
                        new BigDecimal("0.001250000000"),
                        CostSource.PRICE_BOOK,
                        price,
                        420,
                        AT,
                        AT),
                "ai.AiInteractionRecorded",
                "{\"interactionId\":\"00000000-0000-0000-0000-0000000000a1\",\"userId\":" + U
                        + ",\"module\":\"chat\",\"model\":\"gpt-4o\",\"status\":\"SUCCESS\",\"usage\":{\"promptTokens\":100,\"cachedPromptTokens\":20,\"completionTokens\":50,\"totalTokens\":150},\"costUsd\":0.001250000000,\"costSource\":\"PRICE_BOOK\",\"priceVersion\":\"00000000-0000-0000-0000-0000000000b1\",\"latencyMs\":420,\"interactionAt\":\"2026-02-03T04:05:06.123456Z\"}");
        put(
                new AiInteractionRepriced(interaction, null, new BigDecimal("0.002000000000"), price, AT),
                "ai.AiInteractionRepriced",
                "{\"interactionId\":\"00000000-0000-0000-0000-0000000000a1\",\"previousCostUsd\":null,\"costUsd\":0.002000000000,\"priceVersion\":\"00000000-0000-0000-0000-0000000000b1\"}");
        put(
                new ModelPriceAdded(
                        price,
                        "gpt-4o*",
                        new BigDecimal("2.500000"),
                        new BigDecimal("1.250000"),
                        new BigDecimal("10.000000"),
                        AT,
                        AT),
                "ai.ModelPriceAdded",
                "{\"priceId\":\"00000000-0000-0000-0000-0000000000b1\",\"model\":\"gpt-4o*\",\"inputPerMillion\":2.500000,\"cachedInputPerMillion\":1.250000,\"outputPerMillion\":10.000000,\"effectiveFrom\":\"2026-02-03T04:05:06.123456Z\"}");
        put(
                new ModelPriceRemoved(price, "gpt-4o*", AT, AT),
                "ai.ModelPriceRemoved",
                "{\"priceId\":\"00000000-0000-0000-0000-0000000000b1\",\"model\":\"gpt-4o*\",\"effectiveFrom\":\"2026-02-03T04:05:06.123456Z\"}");
        PluginId plugin = new PluginId(UUID.fromString("00000000-0000-0000-0000-0000000000e1"));
        ViolationId violation = new ViolationId(UUID.fromString("00000000-0000-0000-0000-0000000000e2"));
        String pl = "\"pluginId\":\"00000000-0000-0000-0000-0000000000e1\"";
        put(
                new PluginInstalled(
                        plugin, "task-timer", "Task Timer", "1.0.0", PluginType.UI, List.of("read:tasks"), AT),
                "plugins.PluginInstalled",
                "{" + pl + ",\"slug\":\"task-timer\",\"name\":\"Task Timer\",\"version\":\"1.0.0\","
                        + "\"type\":\"UI\",\"permissions\":[\"read:tasks\"]}");
        put(
                new PluginUpdated(plugin, "task-timer", "1.0.0", "1.1.0", List.of("version", "config"), AT),
                "plugins.PluginUpdated",
                "{" + pl + ",\"slug\":\"task-timer\",\"previousVersion\":\"1.0.0\",\"version\":\"1.1.0\","
                        + "\"changed\":[\"version\",\"config\"]}");
        put(
                new PluginStatusChanged(plugin, "task-timer", PluginStatus.INSTALLED, PluginStatus.ACTIVE, AT),
                "plugins.PluginStatusChanged",
                "{" + pl + ",\"slug\":\"task-timer\",\"from\":\"INSTALLED\",\"to\":\"ACTIVE\"}");
        put(
                new PluginViolationRecorded(plugin, violation, "Dangerous-Workflow", Severity.HIGH, 70, AT),
                "plugins.PluginViolationRecorded",
                "{" + pl + ",\"violationId\":\"00000000-0000-0000-0000-0000000000e2\","
                        + "\"check\":\"Dangerous-Workflow\",\"severity\":\"HIGH\",\"score\":70}");
        put(
                new PluginDisabledByScore(plugin, "task-timer", 30, 40, AT),
                "plugins.PluginDisabledByScore",
                "{" + pl + ",\"slug\":\"task-timer\",\"score\":30,\"threshold\":40}");
        put(
                new PluginViolationDismissed(plugin, violation, USER, "false positive", 100, AT),
                "plugins.PluginViolationDismissed",
                "{" + pl + ",\"violationId\":\"00000000-0000-0000-0000-0000000000e2\",\"dismissedBy\":" + U
                        + ",\"reason\":\"false positive\",\"score\":100}");
        put(
                new PluginUninstalled(plugin, "task-timer", "1.1.0", AT),
                "plugins.PluginUninstalled",
                "{" + pl + ",\"slug\":\"task-timer\",\"version\":\"1.1.0\"}");
    }

    static {
        GuildId guild = new GuildId(UUID.fromString("00000000-0000-0000-0000-0000000000c7"));
        String g = "\"00000000-0000-0000-0000-0000000000c7\"";
        CaseId moderationCase = new CaseId(UUID.fromString("00000000-0000-0000-0000-0000000000d7"));
        String c = "\"00000000-0000-0000-0000-0000000000d7\"";
        put(
                new PointsTransferred(
                        UUID.fromString("00000000-0000-0000-0000-0000000000e7"), guild, 11L, null, 5, 95L, null, AT),
                "community.PointsTransferred",
                "{\"transferId\":\"00000000-0000-0000-0000-0000000000e7\",\"guildId\":" + g
                        + ",\"fromUserId\":11,\"toUserId\":null,\"amount\":5,\"fromBalanceAfter\":95,"
                        + "\"toBalanceAfter\":null}");
        put(
                new CaseOpened(moderationCase, guild, 3, 11, CaseType.MUTE, 22, AT.plusSeconds(60), AT),
                "community.CaseOpened",
                "{\"caseId\":" + c + ",\"guildId\":" + g + ",\"number\":3,\"memberUserId\":11,\"type\":\"MUTE\","
                        + "\"moderatorId\":22,\"expiresAt\":\"2026-02-03T04:06:06.123456Z\"}");
        put(
                new CaseResolved(moderationCase, guild, 3, 22, AT),
                "community.CaseResolved",
                "{\"caseId\":" + c + ",\"guildId\":" + g + ",\"number\":3,\"resolvedBy\":22}");
        put(
                new CaseReasonChanged(moderationCase, guild, 3, 2, 22, AT),
                "community.CaseReasonChanged",
                "{\"caseId\":" + c + ",\"guildId\":" + g + ",\"number\":3,\"revision\":2,\"editedBy\":22}");
        put(
                new GuildConfigChanged(guild, 7, List.of("prefix", "maxPoints"), 4, AT),
                "community.GuildConfigChanged",
                "{\"guildId\":" + g + ",\"externalId\":7,\"fields\":[\"prefix\",\"maxPoints\"],\"version\":4}");
        put(
                new MemberJoined(new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000f7")), guild, 11, AT),
                "community.MemberJoined",
                "{\"memberId\":\"00000000-0000-0000-0000-0000000000f7\",\"guildId\":" + g + ",\"externalUserId\":11}");
    }

    private static void put(DomainEvent event, String type, String payload) {
        CATALOGUE.put(event, new String[] {type, payload});
    }

    @Test
    void everyEventHasItsTypeNameAndPayload() {
        CATALOGUE.forEach((event, expected) -> {
            assertThat(EventJson.typeName(event.getClass()))
                    .as(event.toString())
                    .isEqualTo(expected[0]);
            assertThat(EventJson.payload(event)).as(event.toString()).isEqualTo(expected[1]);
        });
        assertThat(EventJson.typeName(User.class)).isEqualTo("identity.User");
        assertThat(EventJson.typeName(Task.class)).isEqualTo("workspace.Task");
    }

    @Test
    void theCatalogueListsEveryDomainEventAndNoneCarriesASecret() {
        List<Class<?>> events = domainEvents();
        assertThat(events)
                .as("DomainEvent implementations in the domain module")
                .isNotEmpty()
                .allSatisfy(type ->
                        assertThat(type.isRecord()).as(type + " is a record").isTrue());
        assertThat(CATALOGUE.keySet().stream().<Class<?>>map(Object::getClass).toList())
                .as("add a new event to CATALOGUE with its payload")
                .containsExactlyInAnyOrderElementsOf(events);
        for (Class<?> type : events) {
            for (RecordComponent component : type.getRecordComponents()) {
                String name = component.getName().toLowerCase(Locale.ROOT);
                assertThat(name)
                        .as(type.getSimpleName() + "." + component.getName())
                        .doesNotContain("hash", "password", "token", "secret");
                assertThat(component.getType())
                        .as(type.getSimpleName() + "." + component.getName())
                        .isNotIn(HashedPassword.class, Password.class);
            }
        }
    }

    @Test
    void valueObjectsOfSeveralPartsAreObjectsAndUnknownValuesAreRefused() {
        record Budgeted(
                Budget budget, LocalDate due, long count, boolean flag, Map<String, Object> extra, Instant occurredAt)
                implements DomainEvent {}
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("a", List.of(1, "two"));
        assertThat(EventJson.payload(new Budgeted(
                        new Budget(new BigDecimal("10.50"), "EUR"), LocalDate.parse("2026-05-01"), 7, true, extra, AT)))
                .isEqualTo("{\"budget\":{\"amount\":10.50,\"currency\":\"EUR\"},"
                        + "\"due\":\"2026-05-01\",\"count\":7,\"flag\":true,\"extra\":{\"a\":[1,\"two\"]}}");

        record Odd(Object thing, Instant occurredAt) implements DomainEvent {}
        assertThatThrownBy(() -> EventJson.payload(new Odd(new Object(), AT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> EventJson.payload(() -> AT)).hasMessageContaining("not a record");
    }

    /** Every class of the domain module (a directory in the build, or a jar) that implements DomainEvent. */
    private static List<Class<?>> domainEvents() {
        try {
            Path location = Path.of(DomainEvent.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.map(f -> location.relativize(f).toString().replace('\\', '/'))
                            .forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().forEach(entry -> names.add(entry.getName()));
                }
            }
            List<Class<?>> events = new ArrayList<>();
            for (String name : names) {
                if (name.endsWith(".class") && !name.contains("$") && !name.endsWith("module-info.class")) {
                    Class<?> type = Class.forName(
                            name.substring(0, name.length() - 6).replace('/', '.'),
                            false,
                            DomainEvent.class.getClassLoader());
                    if (DomainEvent.class.isAssignableFrom(type) && !type.isInterface()) {
                        events.add(type);
                    }
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
