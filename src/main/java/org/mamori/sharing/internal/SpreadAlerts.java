package org.mamori.sharing.internal;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface SpreadAlerts extends ListCrudRepository<SpreadAlert, UUID> {}
