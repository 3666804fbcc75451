package io.strata.domain.content;

import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.UserId;

/** A document as lists show it: without its content and shares (read them with the document itself). */
public record DocumentSummary(
        DocumentId id,
        UserId ownerId,
        String title,
        DocumentKind kind,
        int revision,
        Deletion deletion,
        AuditStamp stamp) {}
