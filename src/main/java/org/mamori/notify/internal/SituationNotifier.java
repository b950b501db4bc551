package org.mamori.notify.internal;

import java.time.Instant;
import java.util.List;
import org.mamori.directory.PersonSummary;
import org.springframework.stereotype.Component;

/**
 * Tells each person addressed by a situation notice, in Mamori always (it is urgent) and by e-mail
 * when they chose so; and the organisation's webhook, if it has one. Runs inside the listener's
 * transaction like {@link Notifier}: the notices and the outbox entries commit together, and each
 * is keyed so that it is written once per person (or organisation) and channel.
 */
@Component
class SituationNotifier {

  private final PreferenceSettings preferences;
  private final Inbox inbox;
  private final Deliveries deliveries;
  private final Webhooks webhooks;
  private final MailChannel mail;
  private final NotificationSignals signals;

  SituationNotifier(
      PreferenceSettings preferences,
      Inbox inbox,
      Deliveries deliveries,
      Webhooks webhooks,
      MailChannel mail,
      NotificationSignals signals) {
    this.preferences = preferences;
    this.inbox = inbox;
    this.deliveries = deliveries;
    this.webhooks = webhooks;
    this.mail = mail;
    this.signals = signals;
  }

  void tell(List<SituationNotice> notices, Instant at) {
    for (SituationNotice notice : notices) {
      for (PersonSummary person : notice.people()) {
        inbox.add(notice, person.id(), at).ifPresent(signals::announce);
        if (mail.configured() && preferences.of(person.id()).emails(notice.kind())) {
          deliveries.enqueue(notice, Delivery.Channel.EMAIL, person.id().value(), at);
        }
      }
      if (webhooks.findByOrganisationId(notice.organisation().value()).isPresent()) {
        deliveries.enqueue(notice, Delivery.Channel.WEBHOOK, notice.organisation().value(), at);
      }
    }
  }
}
