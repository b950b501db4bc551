package org.mamori.directory.internal;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OperatorImportUploads extends ListCrudRepository<OperatorImportUpload, UUID> {

  /** Forgets uploads checked but never imported nor cancelled. */
  @Modifying
  @Query("delete from operator_import where completed_at is null and uploaded_at < :before")
  int deleteWaitingSince(OffsetDateTime before);
}
