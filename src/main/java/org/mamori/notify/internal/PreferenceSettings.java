package org.mamori.notify.internal;

import java.time.Clock;
import java.util.Set;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes a person's notification preferences. */
@Service
@Transactional
class PreferenceSettings {

  /** What the audit trail digests: the choices, never who else is told. */
  record Choices(Set<NotificationKind> inApp, Set<NotificationKind> email, String language) {
    static Choices of(PreferenceSet set) {
      return new Choices(set.inApp(), set.email(), set.language().name());
    }
  }

  private final PreferenceSets sets;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PreferenceSettings(PreferenceSets sets, ApplicationEventPublisher events, Clock clock) {
    this.sets = sets;
    this.events = events;
    this.clock = clock;
  }

  /** The person's choices, or the defaults if they never chose. */
  @Transactional(readOnly = true)
  PreferenceSet of(PersonId person) {
    return sets.findById(person.value())
        .orElseGet(() -> PreferenceSet.defaults(person, clock.instant()));
  }

  /** A person changes their own preferences (nobody changes another's). */
  void choose(
      Actor actor,
      Set<NotificationKind> inApp,
      Set<NotificationKind> email,
      PreferenceSet.Language language) {
    PreferenceSet set = of(actor.person());
    Choices before = Choices.of(set);
    set.choose(inApp, email, language, clock.instant());
    sets.save(set);
    events.publishEvent(
        new AuditableChange(
            actor,
            "notify.preferences.changed",
            "person",
            actor.person().toString(),
            "Notification preferences changed",
            before,
            Choices.of(set)));
  }
}
