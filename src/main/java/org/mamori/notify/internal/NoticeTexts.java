package org.mamori.notify.internal;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.platform.MamoriProperties;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.SharedItems.Notice;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a notice, in the reader's language (messages_notify). A notice says what happened
 * and to whom; of the item itself it says only what the sharing module's notice gives, and in
 * e-mails, which leave Mamori, not even the title of an AMBER+STRICT or RED item.
 */
@Component
class NoticeTexts {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  /**
   * How notices about a situation leave Mamori (e-mail, webhook): for the organisations told and
   * those they work with on it, not for the public.
   */
  static final Tlp SITUATION_MARKING = Tlp.AMBER;

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** An e-mail's subject and plain-text body. */
  record Mail(String subject, String body) {}

  private final MessageSource messages;
  private final Directory directory;
  private final String baseUrl;

  NoticeTexts(MessageSource messages, Directory directory, MamoriProperties mamori) {
    this.messages = messages;
    this.directory = directory;
    this.baseUrl = withoutTrailingSlash(mamori.baseUrl());
  }

  /** What happened, in one sentence: "A report has reached 国土交通省". */
  String headline(
      NotificationKind kind,
      String variant,
      OrganisationId organisation,
      @Nullable OrganisationId about,
      Locale locale) {
    return headline(kind, variant, organisation, about, "", locale);
  }

  /**
   * The same, naming what a notice about no shared item is about ({@code {2}}: a situation's
   * reference and level).
   */
  String headline(
      NotificationKind kind,
      String variant,
      OrganisationId organisation,
      @Nullable OrganisationId about,
      String subject,
      Locale locale) {
    String key = "notify.headline." + kind.name() + (variant.isEmpty() ? "" : "." + variant);
    return messages.getMessage(
        key, new Object[] {name(organisation, locale), name(about, locale), subject}, locale);
  }

  /** The address of an item in Mamori, for e-mails and webhooks. */
  String link(String path) {
    return baseUrl + path;
  }

  Mail mail(Delivery delivery, Notice notice, String displayName, Locale locale) {
    String headline =
        headline(
            delivery.kind(), delivery.variant(), delivery.organisation(), delivery.about(), locale);
    String subject =
        text(
            delivery.urgent() ? "notify.mail.subject.urgent" : "notify.mail.subject",
            locale,
            headline,
            notice.reference(),
            notice.tlp().label());
    StringBuilder body = new StringBuilder();
    line(body, text("notify.mail.greeting", locale, displayName)).append('\n');
    line(body, headline + text("notify.mail.fullStop", locale)).append('\n');
    line(body, text("notify.mail.reference", locale, notice.reference()));
    line(
        body,
        titleLeavesMamori(notice.tlp())
            ? text("notify.mail.title", locale, notice.title())
            : text("notify.mail.titleWithheld", locale));
    line(body, text("notify.mail.marking", locale, notice.tlp().label()));
    line(body, text("notify.mail.tlp." + notice.tlp().name(), locale)).append('\n');
    line(body, text("notify.mail.read", locale));
    line(body, link(notice.path())).append('\n');
    line(body, text("notify.mail.sentAt", locale, when(delivery.createdAt())));
    line(body, text("notify.mail.automatic", locale));
    line(body, text("notify.mail.preferences", locale));
    line(body, link("/notifications/preferences"));
    return new Mail(subject, body.toString());
  }

  /**
   * Where a person of the organisation reads more about a situation: the situation room for the
   * national hub, the reports they may read (the situation's, and their follow-up deadlines) for
   * everyone else.
   */
  String situationPath(UUID situation, OrganisationId organisation) {
    return directory.nationalHub().id().equals(organisation)
        ? "/situations/" + situation
        : "/reports?box=ALL";
  }

  /** An e-mail about a situation: its words, its reference and where to read more. */
  Mail situationMail(Delivery delivery, String displayName, Locale locale) {
    String headline =
        headline(
            delivery.kind(),
            delivery.variant(),
            delivery.organisation(),
            delivery.about(),
            delivery.subject() == null ? "" : delivery.subject().in(locale),
            locale);
    String subject =
        text(
            "notify.mail.subject.situation",
            locale,
            headline,
            delivery.reference(),
            SITUATION_MARKING.label());
    StringBuilder body = new StringBuilder();
    line(body, text("notify.mail.greeting", locale, displayName)).append('\n');
    line(body, headline + text("notify.mail.fullStop", locale)).append('\n');
    line(body, text("notify.mail.situation", locale, delivery.reference()));
    line(body, text("notify.mail.marking", locale, SITUATION_MARKING.label()));
    line(body, text("notify.mail.tlp." + SITUATION_MARKING.name(), locale)).append('\n');
    line(body, text("notify.mail.readSituation", locale));
    line(body, link(situationPath(situationOf(delivery), delivery.organisation()))).append('\n');
    line(body, text("notify.mail.sentAt", locale, when(delivery.createdAt())));
    line(body, text("notify.mail.automatic", locale));
    line(body, text("notify.mail.preferences", locale));
    line(body, link("/notifications/preferences"));
    return new Mail(subject, body.toString());
  }

  private static UUID situationOf(Delivery delivery) {
    if (delivery.situation() == null) {
      throw new IllegalArgumentException("not about a situation: " + delivery.id());
    }
    return delivery.situation();
  }

  /** E-mails carry the titles of CLEAR, GREEN and AMBER items only. */
  static boolean titleLeavesMamori(Tlp tlp) {
    return !(tlp == Tlp.AMBER_STRICT || tlp == Tlp.RED);
  }

  private String name(@Nullable OrganisationId organisation, Locale locale) {
    if (organisation == null) {
      return "";
    }
    return directory
        .organisation(organisation)
        .map((OrganisationSummary o) -> o.name(locale))
        .orElse("");
  }

  private String text(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  private static StringBuilder line(StringBuilder body, String text) {
    return body.append(text).append('\n');
  }

  private static String withoutTrailingSlash(URI url) {
    String text = url.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** Japan time, naming the zone. */
  static String when(Instant at) {
    return SHOWN.format(at.atZone(JAPAN)) + " JST";
  }
}
