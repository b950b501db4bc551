package org.mamori.notify.internal;

import java.util.Optional;
import org.mamori.directory.Directory;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.PersonId;
import org.mamori.sharing.SharedItems;
import org.mamori.sharing.SharedItems.Notice;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Sends one queued e-mail. What it may say is asked again now, not when it was queued: a report
 * marked stricter meanwhile, or a person who left, gets nothing.
 */
@Component
class EmailSender {

  private final Directory directory;
  private final SharedItems items;
  private final PreferenceSettings preferences;
  private final NoticeTexts texts;
  private final MailChannel mail;

  EmailSender(
      Directory directory,
      SharedItems items,
      PreferenceSettings preferences,
      NoticeTexts texts,
      MailChannel mail) {
    this.directory = directory;
    this.items = items;
    this.preferences = preferences;
    this.texts = texts;
    this.mail = mail;
  }

  Outcome send(Delivery delivery) {
    Optional<PersonSummary> person =
        directory.person(new PersonId(delivery.recipient())).filter(PersonSummary::active);
    if (person.isEmpty()) {
      return Outcome.withheld("the person is no longer active");
    }
    if (delivery.item() == null) {
      return sendAboutSituation(delivery, person.get());
    }
    Optional<Notice> notice =
        items.noticeFor(delivery.item(), new Actor(person.get().id(), delivery.organisation()));
    if (notice.isEmpty()) {
      return Outcome.withheld("the person may no longer read the item");
    }
    NoticeTexts.Mail text =
        texts.mail(
            delivery,
            notice.get(),
            person.get().displayName(),
            preferences.of(person.get().id()).language().locale());
    return send(person.get(), text);
  }

  /** Told as a member of the organisation: one who has left it since gets nothing. */
  private Outcome sendAboutSituation(Delivery delivery, PersonSummary person) {
    boolean stillMember =
        directory.membershipsOf(person.id()).stream()
            .anyMatch(m -> m.organisation().equals(delivery.organisation()));
    if (!stillMember) {
      return Outcome.withheld("the person no longer acts for the organisation");
    }
    return send(
        person,
        texts.situationMail(
            delivery, person.displayName(), preferences.of(person.id()).language().locale()));
  }

  private Outcome send(PersonSummary person, NoticeTexts.Mail text) {
    try {
      mail.send(person.email(), text.subject(), text.body());
      return Outcome.sent("accepted by the mail server");
    } catch (MailException e) {
      return Outcome.tryAgain(
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }
}
