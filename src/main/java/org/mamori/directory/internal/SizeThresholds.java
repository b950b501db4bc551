package org.mamori.directory.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface SizeThresholds extends ListCrudRepository<SizeThreshold, UUID> {

  List<SizeThreshold> findAll();
}
