package org.mamori.notify.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.OrganisationId;
import org.mamori.sharing.SharedItems.ItemRef;

/**
 * One happening to tell the people of one organisation about, before the access decision: each of
 * them is told only what the sharing module says they may be told.
 *
 * @param key names the happening ({@code report:<id>:reached:<organisation>}); with the recipient
 *     and the channel it identifies one delivery, so a happening announced twice (an event
 *     delivered again, or two events about one arrival) reaches each person once
 * @param variant refines the wording: the report stage, or whether an acknowledgement was late
 * @param urgent shown in Mamori whatever the person chose (an emergency report, a reminder)
 * @param about another organisation the notice names (the one that acknowledged), or null
 */
record Addressed(
    String key,
    NotificationKind kind,
    String variant,
    boolean urgent,
    ItemRef item,
    OrganisationId organisation,
    List<PersonSummary> people,
    @Nullable OrganisationId about) {}
