package io.strata.domain.messaging;

import java.util.List;

/** A page of a folder, newest first, and the cursor to the next (older) page, or null. */
public record MailFolderPage(List<MailItem> items, String next) {}
