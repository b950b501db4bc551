package org.mamori.directory.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface People extends ListCrudRepository<Person, UUID> {

  Optional<Person> findByEmail(String email);

  @Query(
      "select p.* from person p where exists (select 1 from membership m where m.person_id = p.id"
          + " and m.organisation_id = :organisation) order by p.display_name")
  List<Person> findMembersOf(UUID organisation);
}
