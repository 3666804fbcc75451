package io.strata.application.content;

import io.strata.application.shared.UseCase;
import io.strata.domain.content.DocumentKind;
import io.strata.domain.shared.user.Actor;
import java.util.Map;

/** Creates a document owned by the caller, at revision 1. */
@UseCase
public interface CreateDocumentUseCase {
    DocumentView create(Command command);

    record Command(Actor actor, String title, DocumentKind kind, Map<String, Object> content) {}
}
