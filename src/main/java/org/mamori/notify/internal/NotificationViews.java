package org.mamori.notify.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.shared.Tlp;
import org.mamori.sharing.SharedItems;
import org.mamori.sharing.SharedItems.Notice;
import org.springframework.stereotype.Component;

/**
 * Notices as a person sees them. Every notice asks the sharing module again, as it is shown, what
 * its reader may be told: one whose item they may no longer read shows that it happened, not what
 * it was about.
 */
@Component
class NotificationViews {

  /**
   * @param aboutItem the notice is about a shared item (not a situation joined)
   * @param reference null (with title, marking and path) when the reader may no longer read the
   *     item, or it is about no item
   * @param situationPath where to read more, for a notice about a situation; else null
   */
  record NotificationView(
      UUID id,
      String headline,
      boolean aboutItem,
      @Nullable String reference,
      @Nullable String title,
      @Nullable Tlp tlp,
      @Nullable String path,
      @Nullable String situationPath,
      String organisationName,
      Instant at,
      boolean read,
      boolean urgent) {

    public boolean readable() {
      return reference != null;
    }
  }

  private final SharedItems items;
  private final NoticeTexts texts;
  private final Directory directory;

  NotificationViews(SharedItems items, NoticeTexts texts, Directory directory) {
    this.items = items;
    this.texts = texts;
    this.directory = directory;
  }

  List<NotificationView> of(List<StoredNotification> notifications, Locale locale) {
    return notifications.stream().map(n -> of(n, locale)).toList();
  }

  NotificationView of(StoredNotification notification, Locale locale) {
    Optional<Notice> notice =
        notification.item() == null
            ? Optional.empty()
            : items.noticeFor(notification.item(), notification.reader());
    return new NotificationView(
        notification.id(),
        texts.headline(
            notification.kind(),
            notification.variant(),
            notification.organisation(),
            notification.about(),
            notification.subject() == null ? "" : notification.subject().in(locale),
            locale),
        notification.item() != null,
        notice.map(Notice::reference).orElse(null),
        notice.map(Notice::title).orElse(null),
        notice.map(Notice::tlp).orElse(null),
        notice.map(Notice::path).orElse(null),
        notification.situation() == null
            ? null
            : texts.situationPath(notification.situation(), notification.organisation()),
        directory
            .organisation(notification.organisation())
            .map((OrganisationSummary o) -> o.name(locale))
            .orElse(""),
        notification.createdAt(),
        notification.read(),
        notification.urgent());
  }
}
