package org.mamori.sharing.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface Reports extends ListCrudRepository<Report, UUID> {

  Optional<Report> findByReference(String reference);
}
