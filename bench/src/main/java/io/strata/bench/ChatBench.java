package io.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Section "chat" (issue 12): posting a chat message and reading a page of a room's history, measured side by side
 * with GET /api/v1/users/me on the same server in the same run, so the ratios hold on a shared machine. Rooms are
 * created and filled over HTTP first (the history page reads 50 of a room's messages).
 */
final class ChatBench {
    private static final int ROOMS = 20;
    private static final int MESSAGES_PER_ROOM = 60;
    private static final int PAGE = 50;

    private ChatBench() {}

    static void run(Report report, Wrk wrk, String baseUrl, String token, Path work, BenchOptions options)
            throws IOException {
        BenchRun.progress("section chat: " + ROOMS + " rooms of " + MESSAGES_PER_ROOM + " messages");
        List<String> posts = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            Http.Response room = Http.postJson(baseUrl + "/api/v1/rooms", token, "{\"name\":\"bench room " + r + "\"}");
            if (room.status() != 201) {
                throw new BenchFailure("cannot create a chat room: " + room.status() + " " + room.body());
            }
            String messages = "/api/v1/rooms/" + room.field("id") + "/messages";
            for (int m = 0; m < MESSAGES_PER_ROOM; m++) {
                Http.Response posted = Http.postJson(baseUrl + messages, token, "{\"content\":\"seed " + m + "\"}");
                if (posted.status() != 201) {
                    throw new BenchFailure("cannot post a chat message: " + posted.status() + " " + posted.body());
                }
            }
            posts.add(messages);
            pages.add(messages + "?limit=" + PAGE);
        }
        Path postPaths = Files.write(work.resolve("chat-posts"), posts);
        Path pagePaths = Files.write(work.resolve("chat-pages"), pages);
        Path mePaths = Files.write(work.resolve("chat-me"), List.of("/api/v1/users/me"));

        Report.Table table = report.table(
                "Chat (issue 12): requests/s, p50 and p99 latency in ms, side by side with GET /users/me in the same run",
                "endpoint", "conns", "req/s", "p50", "p99", "vs GET /users/me", "errors");
        for (String[] warm : new String[][] {{"get.lua", mePaths.toString()}, {"post_chat.lua", postPaths.toString()},
                {"get.lua", pagePaths.toString()}}) {
            wrk.run(baseUrl, warm[0], Path.of(warm[1]), token, 1, options.warmupSeconds());
        }
        for (int connections : options.concurrency()) {
            LoadResult me = wrk.run(baseUrl, "get.lua", mePaths, token, connections, options.seconds());
            LoadResult post = wrk.run(baseUrl, "post_chat.lua", postPaths, token, connections, options.seconds());
            LoadResult page = wrk.run(baseUrl, "get.lua", pagePaths, token, connections, options.seconds());
            row(table, "GET /users/me (reference)", connections, me, me);
            row(table, "POST /rooms/{id}/messages", connections, post, me);
            row(table, "GET /rooms/{id}/messages?limit=" + PAGE, connections, page, me);
            BenchRun.progress(String.format(Locale.ROOT, "  chat c=%-3d me %,8.0f/s  post %,8.0f/s  history %,8.0f/s",
                    connections, me.perSecond(), post.perSecond(), page.perSecond()));
        }
        table.note("Posts spread over " + ROOMS + " rooms: a room's posts are numbered under its row lock (polling order).");
        report.print(table);
    }

    private static void row(Report.Table table, String name, int connections, LoadResult r, LoadResult reference) {
        table.row(name, connections, Report.rate(r.perSecond()), Report.millis(r.p50Millis()),
                Report.millis(r.p99Millis()), Report.ratio(r.perSecond(), reference.perSecond()), r.errors());
    }
}
