package org.mamori.sharing.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Reports extends ListCrudRepository<Report, UUID> {

  Optional<Report> findByReference(String reference);

  @Query("select reference from report where submitted_at is not null order by submitted_at, id")
  List<String> releasedReferences();
}
