package org.mamori.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.PersonSummary;
import org.mamori.directory.SectorSummary;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.situation.SituationClosed;
import org.mamori.situation.SituationJoined;
import org.mamori.situation.SituationLevelChanged;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people of a situation after the duty officer's decision commits, in Mamori, by e-mail and
 * by webhook as they chose (always in Mamori): everyone at an organisation that joined its
 * response; and, when it opens, changes level or closes, everyone at the organisations taking part,
 * the operators of the sectors in scope (every operator for a national situation) and the national
 * hub's duty officers. Heard through the event publication registry like the sharing events; one
 * delivered twice adds nothing, and a person in several of these audiences is told once.
 */
@Component
class SituationEvents {

  static final Set<Capability> DUTY_OFFICERS = EnumSet.of(Capability.DUTY_OFFICER);

  private final Directory directory;
  private final SituationNotifier notifier;
  private final MessageSource messages;
  private final Clock clock;

  SituationEvents(
      Directory directory, SituationNotifier notifier, MessageSource messages, Clock clock) {
    this.directory = directory;
    this.notifier = notifier;
    this.messages = messages;
    this.clock = clock;
  }

  @ApplicationModuleListener
  public void on(SituationJoined event) {
    LocalizedText subject =
        new LocalizedText(
            event.reference() + " (" + event.levelName().ja() + ")",
            event.reference() + " (" + event.levelName().en() + ")");
    List<SituationNotice> notices = new ArrayList<>();
    for (OrganisationId organisation : inOrder(event.organisations())) {
      notices.add(
          new SituationNotice(
              "situation:" + event.situation() + ":joined:" + organisation + ":" + event.level(),
              NotificationKind.SITUATION_JOINED,
              "",
              event.situation(),
              event.reference(),
              subject,
              organisation,
              directory.activeMembersHolding(organisation, Audiences.EVERYONE)));
    }
    notifier.tell(notices, clock.instant());
  }

  /** 「事態 S2026-001 は 大規模サイバー攻撃事態 になりました。続報は60分ごとにお願いします」 */
  @ApplicationModuleListener
  public void on(SituationLevelChanged event) {
    String variant = event.fromLevel() == null ? "OPENED" : "CHANGED";
    LocalizedText subject =
        new LocalizedText(
            sentence(variant, event.reference(), event.levelName(), event.followUpMinutes(), JA),
            sentence(
                variant,
                event.reference(),
                event.levelName(),
                event.followUpMinutes(),
                Locale.ENGLISH));
    tellEveryone(
        "situation:" + event.situation() + ":level:" + event.change(),
        variant,
        event.situation(),
        event.reference(),
        subject,
        event.participants(),
        event.national(),
        event.sectors(),
        clock.instant());
  }

  @ApplicationModuleListener
  public void on(SituationClosed event) {
    LocalizedText subject =
        new LocalizedText(
            sentence("CLOSED", event.reference(), event.levelName(), null, JA),
            sentence("CLOSED", event.reference(), event.levelName(), null, Locale.ENGLISH));
    tellEveryone(
        "situation:" + event.situation() + ":closed",
        "CLOSED",
        event.situation(),
        event.reference(),
        subject,
        event.participants(),
        event.national(),
        event.sectors(),
        clock.instant());
  }

  private static final Locale JA = Locale.JAPANESE;

  private void tellEveryone(
      String key,
      String variant,
      UUID situation,
      String reference,
      LocalizedText subject,
      Set<OrganisationId> participants,
      boolean national,
      Set<SectorId> sectors,
      Instant at) {
    List<SituationNotice> notices = new ArrayList<>();
    OrganisationId hub = directory.nationalHub().id();
    notices.add(
        notice(
            key,
            variant,
            situation,
            reference,
            subject,
            hub,
            directory.activeMembersHolding(hub, DUTY_OFFICERS)));
    for (OrganisationId organisation : inOrder(participants)) {
      notices.add(
          notice(
              key,
              variant,
              situation,
              reference,
              subject,
              organisation,
              directory.activeMembersHolding(organisation, Audiences.EVERYONE)));
    }
    Set<OrganisationId> operators = new LinkedHashSet<>();
    for (SectorSummary sector : directory.sectors()) {
      if (national || sectors.contains(sector.id())) {
        operators.addAll(directory.activeOperatorsIn(sector.id()));
      }
    }
    operators.removeAll(participants);
    for (OrganisationId operator : inOrder(operators)) {
      notices.add(
          notice(
              key,
              variant,
              situation,
              reference,
              subject,
              operator,
              directory.activeMembersHolding(operator, Audiences.EVERYONE)));
    }
    notifier.tell(notices, at);
  }

  private static SituationNotice notice(
      String key,
      String variant,
      UUID situation,
      String reference,
      LocalizedText subject,
      OrganisationId organisation,
      List<PersonSummary> people) {
    return new SituationNotice(
        key,
        NotificationKind.SITUATION_LEVEL,
        variant,
        situation,
        reference,
        subject,
        organisation,
        people);
  }

  private String sentence(
      String variant,
      String reference,
      LocalizedText level,
      @Nullable Integer followUpMinutes,
      Locale locale) {
    String said =
        messages.getMessage(
            "notify.situation." + variant, new Object[] {reference, level.in(locale)}, locale);
    if (followUpMinutes == null) {
      return said;
    }
    return said
        + messages.getMessage(
            "notify.situation.followUp", new Object[] {String.valueOf(followUpMinutes)}, locale);
  }

  private static List<OrganisationId> inOrder(Set<OrganisationId> organisations) {
    return organisations.stream().sorted(Comparator.comparing(OrganisationId::value)).toList();
  }
}
