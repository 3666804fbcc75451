package io.strata.adapters.persistence.content;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.application.shared.InvariantCheck;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Content's invariant for {@code strata db verify}: a document's history is complete, revisions 1..n stored for a
 * document at revision n, the last one with the document's title and content (what the adapter writes with every
 * change). One aggregate over {@code content_document_revisions} by document.
 */
@Singleton
public class DocumentRevisionsCheck implements InvariantCheck {
    private final EntityManager entityManager;

    DocumentRevisionsCheck(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "content: every document's revisions 1..n are stored, the last one as the document is";
    }

    @Override
    @JoinsTransaction
    @SuppressWarnings("unchecked")
    public List<String> violations(int limit) {
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT d.id, d.revision, coalesce(r.stored, 0), coalesce(r.highest, 0),
                               coalesce(r.last_matches, false)
                        FROM content_documents d
                        LEFT JOIN (SELECT rv.document_id, count(*) AS stored, max(rv.revision) AS highest,
                                          bool_or(rv.revision = dd.revision AND rv.title = dd.title
                                                  AND rv.content = dd.content) AS last_matches
                                   FROM content_document_revisions rv
                                   JOIN content_documents dd ON dd.id = rv.document_id
                                   GROUP BY rv.document_id) r ON r.document_id = d.id
                        WHERE coalesce(r.stored, 0) <> d.revision OR coalesce(r.highest, 0) <> d.revision
                           OR NOT coalesce(r.last_matches, false)
                        ORDER BY d.id
                        LIMIT :limit""")
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> "document " + row[0] + ": at revision " + row[1] + " but " + row[2]
                        + " revision(s) stored, the highest " + row[3]
                        + (Boolean.TRUE.equals(row[4]) ? "" : ", the current one differs from the document"))
                .toList();
    }
}
