package io.strata.domain.messaging;

import java.util.List;

/**
 * A page of a room's history, newest first. {@code before} fetches the older messages (null when there are
 * none), {@code after} the newer ones (null when none were known when the page was read).
 */
public record ChatHistoryPage(List<ChatMessage> items, String before, String after) {}
