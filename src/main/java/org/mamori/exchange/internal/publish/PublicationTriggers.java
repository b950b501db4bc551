package org.mamori.exchange.internal.publish;

import org.mamori.sharing.AdvisoryIssued;
import org.mamori.sharing.AdvisoryRelayed;
import org.mamori.sharing.MarkingChanged;
import org.mamori.sharing.ReportForwarded;
import org.mamori.sharing.ReportReleased;
import org.mamori.sharing.SharedItems;
import org.springframework.stereotype.Component;

/**
 * Publishes an item again whenever what it holds or who may read it changes. Each event is heard
 * after its transaction commits and kept in the event publication registry until published, so a
 * crash delays a publication, never loses it; publishing twice adds nothing.
 */
@Component
class PublicationTriggers {

  private final Publication publication;

  PublicationTriggers(Publication publication) {
    this.publication = publication;
  }

  @PublicationListener
  public void on(ReportReleased event) {
    publication.report(event.reference());
  }

  @PublicationListener
  public void on(ReportForwarded event) {
    publication.report(event.reference());
  }

  @PublicationListener
  public void on(AdvisoryIssued event) {
    publication.advisory(event.reference());
  }

  @PublicationListener
  public void on(AdvisoryRelayed event) {
    publication.advisory(event.reference());
  }

  @PublicationListener
  public void on(MarkingChanged event) {
    if (event.item().kind() == SharedItems.Kind.REPORT) {
      publication.report(event.reference());
    } else {
      publication.advisory(event.reference());
    }
  }
}
