package org.mamori.notify.internal;

import java.time.Clock;
import java.time.Instant;
import org.mamori.directory.Directory;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.situation.SituationJoined;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells everyone at an organisation that joined a situation's response, in Mamori, after the duty
 * officer's decision commits: their organisation reads the situation's AMBER reports now. Heard
 * through the event publication registry like the sharing events; one delivered twice adds nothing.
 */
@Component
class SituationEvents {

  private final Directory directory;
  private final Inbox inbox;
  private final NotificationSignals signals;
  private final Clock clock;

  SituationEvents(Directory directory, Inbox inbox, NotificationSignals signals, Clock clock) {
    this.directory = directory;
    this.inbox = inbox;
    this.signals = signals;
    this.clock = clock;
  }

  @ApplicationModuleListener
  public void on(SituationJoined event) {
    Instant at = clock.instant();
    LocalizedText subject =
        new LocalizedText(
            event.reference() + " (" + event.levelName().ja() + ")",
            event.reference() + " (" + event.levelName().en() + ")");
    for (OrganisationId organisation : event.organisations()) {
      String key =
          "situation:" + event.situation() + ":joined:" + organisation + ":" + event.level();
      for (PersonSummary person :
          directory.activeMembersHolding(organisation, Audiences.EVERYONE)) {
        inbox
            .addJoined(key, event.situation(), organisation, person.id(), subject, at)
            .ifPresent(signals::announce);
      }
    }
  }
}
