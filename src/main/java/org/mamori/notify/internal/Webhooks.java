package org.mamori.notify.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Organisations' webhooks: at most one each. */
interface Webhooks extends CrudRepository<Webhook, UUID> {

  Optional<Webhook> findByOrganisationId(UUID organisation);
}
