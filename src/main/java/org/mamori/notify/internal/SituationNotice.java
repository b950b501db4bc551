package org.mamori.notify.internal;

import java.util.List;
import java.util.UUID;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;

/**
 * One happening in a situation to tell the people of one organisation about: it joined the
 * response, or the situation opened, changed level or closed. It names no shared item, so nothing
 * is asked of the TLP decision; who is told is decided by the situation's scope and who takes part.
 *
 * @param key names the happening ({@code situation:<id>:level:<change>}); with the recipient and
 *     the channel it identifies one delivery, so a person in two of the audiences, or an event
 *     delivered again, is told once
 * @param variant {@code OPENED}, {@code CHANGED} or {@code CLOSED} for a change of level; empty for
 *     a join
 * @param subject the words of the notice in both languages, without a final full stop
 */
record SituationNotice(
    String key,
    NotificationKind kind,
    String variant,
    UUID situation,
    String reference,
    LocalizedText subject,
    OrganisationId organisation,
    List<PersonSummary> people) {

  SituationNotice {
    people = List.copyOf(people);
  }
}
