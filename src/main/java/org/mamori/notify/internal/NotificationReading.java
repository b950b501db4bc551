package org.mamori.notify.internal;

import java.time.Clock;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person marks their own notices read; nobody marks another's. */
@Service
@Transactional
class NotificationReading {

  private final Inbox inbox;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  NotificationReading(Inbox inbox, ApplicationEventPublisher events, Clock clock) {
    this.inbox = inbox;
    this.events = events;
    this.clock = clock;
  }

  void markRead(Actor actor, StoredNotification notification) {
    if (!notification.recipient().equals(actor.person())) {
      throw new AccessDeniedException("not this person's notification");
    }
    if (inbox.markRead(actor.person(), notification.id(), clock.instant())) {
      audit(actor, "notification", notification.id().toString(), "Notification read", 1);
    }
  }

  void markAllRead(Actor actor) {
    int read = inbox.markAllRead(actor.person(), clock.instant());
    if (read > 0) {
      audit(actor, "person", actor.person().toString(), "All notifications read", read);
    }
  }

  private void audit(Actor actor, String subjectType, String subjectId, String summary, int read) {
    events.publishEvent(
        new AuditableChange(
            actor, "notify.notification.read", subjectType, subjectId, summary, null, read));
  }
}
