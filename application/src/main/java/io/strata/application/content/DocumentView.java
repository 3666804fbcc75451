package io.strata.application.content;

import io.strata.domain.content.Document;
import io.strata.domain.content.DocumentAccess;

/** A document with what the caller may do with it (MANAGE shows the shares; EDIT and VIEW do not). */
public record DocumentView(Document document, DocumentAccess access) {}
