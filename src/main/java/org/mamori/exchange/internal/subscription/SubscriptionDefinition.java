package org.mamori.exchange.internal.subscription;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;

/**
 * What platform administrators set for a subscription.
 *
 * @param remoteUrl the remote collection's address (its objects are under {@code objects/})
 * @param newSecret a new token or password; null keeps the one already set
 * @param ceiling the strictest marking accepted (TLP:RED never is)
 * @param targetCollection the Mamori collection that receives the objects
 * @param receivingOrganisation the organisation on whose behalf they are received: their originator
 */
record SubscriptionDefinition(
    String title,
    URI remoteUrl,
    AuthKind authKind,
    @Nullable String authUser,
    @Nullable String newSecret,
    Duration pollInterval,
    Tlp ceiling,
    UUID targetCollection,
    OrganisationId receivingOrganisation) {}
