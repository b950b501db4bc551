package org.mamori.directory.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Sectors extends ListCrudRepository<Sector, UUID> {

  Optional<Sector> findByCode(String code);

  @Query("select * from sector order by display_order, code")
  List<Sector> findAllInOrder();

  @Query("select coalesce(max(display_order), 0) from sector")
  int lastDisplayOrder();
}
