package org.mamori.directory.internal;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Roles are reference data, read here and edited only by migrations for now. */
interface Roles extends Repository<Role, String> {

  @Query("select * from role order by display_order")
  List<Role> findAllInOrder();
}
