package org.mamori.sharing;

import java.util.UUID;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;

/** An organisation acknowledged receipt of an advisory (受領確認); late if after its deadline. */
public record AcknowledgementRecorded(
    UUID advisory, String reference, OrganisationId organisation, PersonId by, boolean late) {}
