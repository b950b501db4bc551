package org.mamori.notify.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.PersonId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One person's choices: which kinds of notice to show in Mamori, which to send by e-mail, and in
 * which language e-mails are written. Urgent notices are shown in Mamori whatever is chosen.
 */
@Table("notify_preference")
class PreferenceSet {

  /** The language of a person's e-mails; Japanese unless they choose English. */
  enum Language {
    JA(Locale.JAPANESE),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
      this.locale = locale;
    }

    Locale locale() {
      return locale;
    }
  }

  private final @Id UUID id;
  private Language language;
  private Set<NotificationKind> inApp;
  private Set<NotificationKind> email;
  private Instant updatedAt;
  private @Version @Nullable Long version;

  @PersistenceCreator
  PreferenceSet(
      UUID id,
      Language language,
      Set<NotificationKind> inApp,
      Set<NotificationKind> email,
      Instant updatedAt,
      @Nullable Long version) {
    this.id = id;
    this.language = language;
    this.inApp = copy(inApp);
    this.email = copy(email);
    this.updatedAt = updatedAt;
    this.version = version;
  }

  /** Everything in Mamori, e-mail for what asks something of the person, in Japanese. */
  static PreferenceSet defaults(PersonId person, Instant at) {
    return new PreferenceSet(
        person.value(),
        Language.JA,
        EnumSet.allOf(NotificationKind.class),
        NotificationKind.emailedByDefault(),
        at,
        null);
  }

  void choose(
      Set<NotificationKind> shownInApp,
      Set<NotificationKind> emailed,
      Language inLanguage,
      Instant at) {
    this.inApp = copy(shownInApp);
    this.email = copy(emailed);
    this.language = inLanguage;
    this.updatedAt = at;
  }

  boolean showsInApp(NotificationKind kind, boolean urgent) {
    return urgent || inApp.contains(kind);
  }

  boolean emails(NotificationKind kind) {
    return email.contains(kind);
  }

  PersonId person() {
    return new PersonId(id);
  }

  Language language() {
    return language;
  }

  Set<NotificationKind> inApp() {
    return copy(inApp);
  }

  Set<NotificationKind> email() {
    return copy(email);
  }

  private static Set<NotificationKind> copy(Set<NotificationKind> kinds) {
    return kinds.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(kinds);
  }
}
