package io.strata.bootstrap.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.application.community.CaseQueries;
import io.strata.application.community.MemberQueries;
import io.strata.application.community.OpenCaseUseCase;
import io.strata.application.community.UpsertMemberUseCase;
import io.strata.application.content.CreateDocumentUseCase;
import io.strata.application.content.DocumentQueries;
import io.strata.application.identity.RegisterUserUseCase;
import io.strata.application.identity.SessionQueries;
import io.strata.application.identity.UserQueries;
import io.strata.application.messaging.ChatQueries;
import io.strata.application.messaging.CreateChatRoomUseCase;
import io.strata.application.messaging.MailQueries;
import io.strata.application.messaging.PostChatMessageUseCase;
import io.strata.application.messaging.SaveDraftUseCase;
import io.strata.application.messaging.SendEmailUseCase;
import io.strata.application.plugins.InstallPluginUseCase;
import io.strata.application.plugins.PluginQueries;
import io.strata.application.workspace.CreateProjectUseCase;
import io.strata.application.workspace.ProjectQueries;
import io.strata.application.workspace.SeedProjectsUseCase;
import io.strata.application.workspace.TaskQueries;
import io.strata.bootstrap.testing.ConnectionProbe;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.domain.community.CaseType;
import io.strata.domain.content.DocumentId;
import io.strata.domain.content.DocumentKind;
import io.strata.domain.identity.User;
import io.strata.domain.messaging.ChatMessageId;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.messaging.EmailAddress;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.MailFilter;
import io.strata.domain.messaging.MailFolder;
import io.strata.domain.messaging.Recipients;
import io.strata.domain.plugins.PluginRef;
import io.strata.domain.plugins.PluginRelease;
import io.strata.domain.plugins.PluginSlug;
import io.strata.domain.plugins.PluginType;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.TaskId;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Read use cases ({@code @ReadOnlyTransaction}) run every statement on a read-only connection, the flag a replica
 * router will route by; writes ({@code @Transactional}) do not. Observed at the JDBC connection, through the real
 * beans, so a missing annotation or a broken compile-time mapping fails here.
 */
class ReadOnlyUseCasesTest extends IntegrationTest {
    @Inject
    RegisterUserUseCase register;

    @Inject
    CreateProjectUseCase createProject;

    @Inject
    UserQueries users;

    @Inject
    SessionQueries sessions;

    @Inject
    ProjectQueries projects;

    @Inject
    TaskQueries tasks;

    @Inject
    SeedProjectsUseCase seedProjects;

    @Inject
    UpsertMemberUseCase upsertMember;

    @Inject
    OpenCaseUseCase openCase;

    @Inject
    MemberQueries members;

    @Inject
    CaseQueries cases;

    @Inject
    CreateChatRoomUseCase createRoom;

    @Inject
    PostChatMessageUseCase postMessage;

    @Inject
    ChatQueries chat;

    @Inject
    SaveDraftUseCase saveDraft;

    @Inject
    SendEmailUseCase sendEmail;

    @Inject
    MailQueries mail;

    @Inject
    InstallPluginUseCase installPlugin;

    @Inject
    PluginQueries plugins;

    @Inject
    CreateDocumentUseCase createDocument;

    @Inject
    DocumentQueries documents;

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of(ConnectionProbe.ENABLED, "true");
    }

    @Test
    void everyQueryRunsOnAReadOnlyConnection() {
        Actor admin = Actor.system();
        User user = register.register(new RegisterUserUseCase.Command(
                admin,
                "ro@example.com",
                "reader",
                "long enough password",
                null,
                null,
                Role.MANAGER,
                Set.of("t"),
                Map.of(),
                null));
        Actor owner = new Actor(user.id(), Role.MANAGER);
        CreateProjectUseCase.ProjectWithTasks created = createProject.create(new CreateProjectUseCase.Command(
                owner,
                "Read-only",
                null,
                Priority.MEDIUM,
                Set.of(),
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"),
                new Budget(new BigDecimal("100"), "EUR"),
                Set.of(),
                List.of(new CreateProjectUseCase.NewTask(
                        "a", "Task", null, Priority.HIGH, user.id(), null, null, Set.of(), List.of()))));
        ProjectId projectId = created.project().id();
        TaskId taskId = created.tasks().get(0).id();
        PageRequest page = PageRequest.first(10, List.of());
        upsertMember.upsert(owner, 77L, 7L, "member");
        openCase.open(new OpenCaseUseCase.Command(owner, 77L, 7L, CaseType.NOTE, null, 8L, null));

        ChatRoomId roomId = createRoom
                .create(new CreateChatRoomUseCase.Command(owner, "Read-only room"))
                .id();
        ChatMessageId messageId = postMessage
                .post(new PostChatMessageUseCase.Command(owner, roomId, "hello", null, List.of()))
                .id();
        DocumentId documentId = createDocument
                .create(new CreateDocumentUseCase.Command(owner, "Read-only document", DocumentKind.TEXT, Map.of()))
                .document()
                .id();

        EmailId emailId = saveDraft
                .create(new SaveDraftUseCase.Create(
                        owner,
                        new Recipients(List.of(new EmailAddress("someone@example.org")), List.of(), List.of()),
                        "read-only",
                        "body",
                        null,
                        List.of(),
                        List.of()))
                .id();
        sendEmail.send(new SendEmailUseCase.Command(owner, emailId, null));
        PluginRef plugin = new PluginRef.ById(installPlugin
                .install(new InstallPluginUseCase.Command(
                        owner,
                        new PluginSlug("read-only"),
                        new PluginRelease("R", "1.0.0", null, null, PluginType.UI, null, null, Map.of(), List.of()),
                        Map.of(),
                        null,
                        null))
                .plugin()
                .id());

        Map<String, Runnable> reads = Map.ofEntries(
                Map.entry("UserQueries.get", () -> users.get(owner, user.id())),
                Map.entry("UserQueries.getWithProfile", () -> users.getWithProfile(owner, user.id())),
                Map.entry("UserQueries.search", () -> users.search(owner, SearchCriteria.none(), page)),
                Map.entry("UserQueries.batchGet", () -> users.batchGet(owner, List.of(user.id()))),
                Map.entry("UserQueries.tagCounts", () -> users.tagCounts(owner, 10)),
                Map.entry("UserQueries.statistics", () -> users.statistics(owner)),
                Map.entry("SessionQueries.mySessions", () -> sessions.mySessions(owner)),
                Map.entry("ProjectQueries.get", () -> projects.get(owner, projectId)),
                Map.entry("ProjectQueries.getWithTasks", () -> projects.getWithTasks(owner, projectId, page)),
                Map.entry("ProjectQueries.search", () -> projects.search(owner, SearchCriteria.none(), page)),
                Map.entry("ProjectQueries.progress", () -> projects.progress(owner, projectId)),
                Map.entry("TaskQueries.get", () -> tasks.get(owner, taskId)),
                Map.entry(
                        "TaskQueries.inProject", () -> tasks.inProject(owner, projectId, SearchCriteria.none(), page)),
                Map.entry("TaskQueries.mine", () -> tasks.mine(owner, SearchCriteria.none(), page)),
                Map.entry("MemberQueries.get", () -> members.get(owner, 77L, 7L)),
                Map.entry("MemberQueries.getWithCases", () -> members.getWithCases(owner, 77L, 7L)),
                Map.entry("MemberQueries.search", () -> members.search(owner, 77L, SearchCriteria.none(), page)),
                Map.entry("MemberQueries.balancesAt", () -> members.balancesAt(owner, 77L, Instant.now())),
                Map.entry("CaseQueries.get", () -> cases.get(owner, 77L, 1L)),
                Map.entry("CaseQueries.reasonHistory", () -> cases.reasonHistory(owner, 77L, 1L)),
                Map.entry("CaseQueries.search", () -> cases.search(owner, 77L, SearchCriteria.none(), page)),
                Map.entry("ChatQueries.room", () -> chat.room(owner, roomId)),
                Map.entry("ChatQueries.myRooms", () -> chat.myRooms(owner, 10)),
                Map.entry("ChatQueries.history", () -> chat.history(owner, roomId, null, null, 10)),
                Map.entry("ChatQueries.changes", () -> chat.changes(owner, roomId, 0, 10)),
                Map.entry("ChatQueries.thread", () -> chat.thread(owner, roomId, messageId, 10)),
                Map.entry("ChatQueries.edits", () -> chat.edits(owner, roomId, messageId)),
                Map.entry("MailQueries.folders", () -> mail.folders(owner)),
                Map.entry("MailQueries.folder", () -> mail.folder(owner, MailFolder.SENT, MailFilter.none(), null, 10)),
                Map.entry("MailQueries.email", () -> mail.email(owner, emailId)),
                Map.entry("MailQueries.thread", () -> mail.thread(owner, emailId, 10)),
                Map.entry("PluginQueries.get", () -> plugins.get(owner, plugin)),
                Map.entry("PluginQueries.search", () -> plugins.search(owner, SearchCriteria.none(), page)),
                Map.entry("PluginQueries.score", () -> plugins.score(owner, plugin)),
                Map.entry("DocumentQueries.get", () -> documents.get(owner, documentId)),
                Map.entry(
                        "DocumentQueries.revisions",
                        () -> documents.revisions(owner, documentId, true, SearchCriteria.none(), page)),
                Map.entry("DocumentQueries.revision", () -> documents.revision(owner, documentId, 1)),
                Map.entry("DocumentQueries.mine", () -> documents.mine(owner, true, SearchCriteria.none(), page)),
                Map.entry(
                        "DocumentQueries.sharedWithMe",
                        () -> documents.sharedWithMe(owner, SearchCriteria.none(), page)),
                Map.entry(
                        "SeedProjectsUseCase.start",
                        () -> seedProjects.start(new SeedProjectsUseCase.Start(admin, 1, 1, List.of()))));
        ConnectionProbe probe = bean(ConnectionProbe.class);
        reads.forEach((name, read) -> {
            probe.clear();
            read.run();
            assertThat(probe.statements())
                    .as(name)
                    .isNotEmpty()
                    .allSatisfy(statement -> assertThat(statement.readOnly())
                            .as(name + ": " + statement.sql())
                            .isTrue());
        });

        probe.clear();
        register.register(new RegisterUserUseCase.Command(
                admin,
                "rw@example.com",
                "writer",
                "long enough password",
                null,
                null,
                Role.USER,
                Set.of(),
                Map.of(),
                null));
        assertThat(probe.statements()).isNotEmpty().noneMatch(ConnectionProbe.Statement::readOnly);
    }
}
