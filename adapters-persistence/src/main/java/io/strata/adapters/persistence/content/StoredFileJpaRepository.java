package io.strata.adapters.persistence.content;

import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jpa.repository.JpaRepository;
import java.util.UUID;

/** Micronaut Data queries over {@code content_files}; they join the caller's transaction. */
@Repository
interface StoredFileJpaRepository extends JpaRepository<StoredFileJpaEntity, UUID> {}
