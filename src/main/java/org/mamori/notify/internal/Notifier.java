package org.mamori.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.Tlp;
import org.mamori.sharing.SharedItems;
import org.springframework.stereotype.Component;

/**
 * Tells each person addressed what the sharing module says they may be told, on the channels they
 * chose; and the organisation's webhook, as its reader may be told. Runs inside the listener's
 * transaction: the in-app notices and the outbox entries commit together, and e-mails and webhook
 * calls leave only after that commit. A person who may not read the item gets nothing on any
 * channel.
 */
@Component
class Notifier {

  private final SharedItems items;
  private final PreferenceSettings preferences;
  private final Inbox inbox;
  private final Deliveries deliveries;
  private final Webhooks webhooks;
  private final MailChannel mail;
  private final NotificationSignals signals;
  private final Clock clock;

  Notifier(
      SharedItems items,
      PreferenceSettings preferences,
      Inbox inbox,
      Deliveries deliveries,
      Webhooks webhooks,
      MailChannel mail,
      NotificationSignals signals,
      Clock clock) {
    this.items = items;
    this.preferences = preferences;
    this.inbox = inbox;
    this.deliveries = deliveries;
    this.webhooks = webhooks;
    this.mail = mail;
    this.signals = signals;
    this.clock = clock;
  }

  void tell(List<Addressed> happenings) {
    Instant at = clock.instant();
    for (Addressed happening : happenings) {
      tellPeople(happening, at);
      tellWebhook(happening, at);
    }
  }

  private void tellPeople(Addressed happening, Instant at) {
    for (PersonSummary person : happening.people()) {
      Actor reader = new Actor(person.id(), happening.organisation());
      if (items.noticeFor(happening.item(), reader).isEmpty()) {
        continue;
      }
      PreferenceSet chosen = preferences.of(person.id());
      if (chosen.showsInApp(happening.kind(), happening.urgent())) {
        inbox.add(happening, person.id(), at).ifPresent(signals::announce);
      }
      if (mail.configured() && chosen.emails(happening.kind())) {
        deliveries.enqueue(happening, Delivery.Channel.EMAIL, person.id().value(), at);
      }
    }
  }

  /** TLP:RED items are for named people: never for an organisation's system. */
  private void tellWebhook(Addressed happening, Instant at) {
    webhooks
        .findByOrganisationId(happening.organisation().value())
        .filter(
            webhook ->
                items
                    .noticeFor(happening.item(), webhook.reader())
                    .filter(notice -> notice.tlp() != Tlp.RED)
                    .isPresent())
        .ifPresent(
            webhook ->
                deliveries.enqueue(
                    happening, Delivery.Channel.WEBHOOK, happening.organisation().value(), at));
  }
}
