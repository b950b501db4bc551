package org.mamori.notify.internal;

import org.mamori.sharing.AcknowledgementRecorded;
import org.mamori.sharing.AdvisoryIssued;
import org.mamori.sharing.AdvisoryRelayed;
import org.mamori.sharing.AdvisoryReminderSent;
import org.mamori.sharing.ReportForwarded;
import org.mamori.sharing.ReportReleased;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hears the sharing module's events after their transactions commit, each in a transaction of its
 * own. The event publication registry keeps every event until its listener here completes, and
 * resubmits those left incomplete when Mamori starts again: a crash delays a notification, never
 * loses it; one delivered twice adds nothing (see {@link Addressed#key()}).
 */
@Component
class SharingEvents {

  private final Audiences audiences;
  private final AdvisoryMemory advisories;
  private final Notifier notifier;

  SharingEvents(Audiences audiences, AdvisoryMemory advisories, Notifier notifier) {
    this.audiences = audiences;
    this.advisories = advisories;
    this.notifier = notifier;
  }

  @ApplicationModuleListener
  public void on(ReportForwarded event) {
    notifier.tell(audiences.of(event));
  }

  @ApplicationModuleListener
  public void on(ReportReleased event) {
    notifier.tell(audiences.of(event));
  }

  @ApplicationModuleListener
  public void on(AdvisoryIssued event) {
    advisories.remember(event);
    notifier.tell(audiences.of(event));
  }

  @ApplicationModuleListener
  public void on(AdvisoryRelayed event) {
    notifier.tell(audiences.of(event));
  }

  @ApplicationModuleListener
  public void on(AdvisoryReminderSent event) {
    notifier.tell(audiences.of(event));
  }

  @ApplicationModuleListener
  public void on(AcknowledgementRecorded event) {
    notifier.tell(audiences.of(event));
  }
}
