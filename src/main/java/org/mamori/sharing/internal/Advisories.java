package org.mamori.sharing.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Advisories extends ListCrudRepository<Advisory, UUID> {

  Optional<Advisory> findByReference(String reference);

  @Query("select reference from advisory order by issued_at, id")
  List<String> references();

  /** The sanitised releases made from a report, newest first. */
  @Query("select * from advisory where source_report = :report order by issued_at desc")
  List<Advisory> findBySourceReport(UUID report);
}
