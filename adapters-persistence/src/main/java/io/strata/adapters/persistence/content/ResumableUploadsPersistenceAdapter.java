package io.strata.adapters.persistence.content;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.domain.content.ResumableUpload;
import io.strata.domain.content.ResumableUploads;
import io.strata.domain.content.UploadId;
import io.strata.domain.content.Visibility;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ResumableUploads} on {@code content_uploads} (row-level security: the creator, ADMIN and SYSTEM see a
 * row). Each method joins the caller's transaction (short ones: the upload's bytes are appended between two of
 * them, outside any transaction). A flat row, no aggregate: plain native statements.
 */
@Singleton
@JoinsTransaction
public class ResumableUploadsPersistenceAdapter implements ResumableUploads {
    private static final String COLUMNS =
            "id, owner_id, length_bytes, file_name, mime_type, visibility, created_at, expires_at";

    private final EntityManager entityManager;

    ResumableUploadsPersistenceAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void add(ResumableUpload upload) {
        entityManager
                .createNativeQuery("INSERT INTO content_uploads (" + COLUMNS + ") VALUES "
                        + "(:id, :owner, :length, :name, :mime, :visibility, :created, :expires)")
                .setParameter("id", upload.id().value())
                .setParameter("owner", upload.ownerId().value())
                .setParameter("length", upload.lengthBytes())
                .setParameter("name", upload.fileName())
                .setParameter("mime", upload.mimeType())
                .setParameter("visibility", upload.visibility().name())
                .setParameter("created", upload.createdAt())
                .setParameter("expires", upload.expiresAt())
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<ResumableUpload> find(UploadId id) {
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT " + COLUMNS + " FROM content_uploads WHERE id = :id")
                .setParameter("id", id.value())
                .getResultList();
        return rows.stream().findFirst().map(ResumableUploadsPersistenceAdapter::upload);
    }

    @Override
    public boolean extend(UploadId id, Instant expiresAt) {
        return entityManager
                        .createNativeQuery("UPDATE content_uploads SET expires_at = :expires WHERE id = :id")
                        .setParameter("id", id.value())
                        .setParameter("expires", expiresAt)
                        .executeUpdate()
                == 1;
    }

    @Override
    public boolean remove(UploadId id) {
        return entityManager
                        .createNativeQuery("DELETE FROM content_uploads WHERE id = :id")
                        .setParameter("id", id.value())
                        .executeUpdate()
                == 1;
    }

    @Override
    public List<UploadId> removeExpired(Instant now, int limit) {
        List<?> rows = entityManager
                .createNativeQuery("""
                        DELETE FROM content_uploads
                        WHERE id IN (SELECT id FROM content_uploads WHERE expires_at <= :now
                                     ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new UploadId((UUID) row)).toList();
    }

    private static ResumableUpload upload(Object[] row) {
        return new ResumableUpload(
                new UploadId((UUID) row[0]),
                new UserId((UUID) row[1]),
                ((Number) row[2]).longValue(),
                (String) row[3],
                (String) row[4],
                Visibility.valueOf((String) row[5]),
                instant(row[6]),
                instant(row[7]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
