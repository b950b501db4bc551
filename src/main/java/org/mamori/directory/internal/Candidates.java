package org.mamori.directory.internal;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface Candidates extends ListCrudRepository<CandidateSector, UUID> {}
