package org.mamori.directory.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Organisations extends ListCrudRepository<Organisation, UUID> {

  Optional<Organisation> findByCode(String code);

  @Query("select * from organisation where :kind = any (kinds) order by name_ja")
  List<Organisation> findByKind(String kind);
}
