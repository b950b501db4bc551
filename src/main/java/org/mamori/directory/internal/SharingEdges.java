package org.mamori.directory.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SharingEdges extends ListCrudRepository<SharingEdge, UUID> {

  @Query("select * from sharing_edge where direction = :direction order by hop_order, id")
  List<SharingEdge> findByDirection(String direction);
}
