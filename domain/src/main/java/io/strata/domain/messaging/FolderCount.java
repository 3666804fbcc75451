package io.strata.domain.messaging;

/** How many e-mails a folder holds, and how many of them are not seen. */
public record FolderCount(MailFolder folder, long total, long unread) {}
