package org.mamori.situation.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.OrganisationId;
import org.mamori.situation.SituationJoined;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies the levels' posture to a situation: at a level, every organisation that it or a level
 * below it brings in takes part (recorded with the lowest such level); one no longer brought in
 * leaves. Each join and leave is audited; the organisations that joined are announced as {@link
 * SituationJoined}. Runs inside the duty officer's decision, so the decision and who joined commit
 * together.
 */
@Component
class Posture {

  private final SituationLevels levels;
  private final SituationParticipants participants;
  private final Directory directory;
  private final ApplicationEventPublisher events;

  Posture(
      SituationLevels levels,
      SituationParticipants participants,
      Directory directory,
      ApplicationEventPublisher events) {
    this.levels = levels;
    this.participants = participants;
    this.directory = directory;
    this.events = events;
  }

  /** Brings in and lets go as the situation's current level says. */
  void apply(Actor by, Situation situation, Instant at) {
    SituationLevel current = levels.get(situation.level());
    Map<OrganisationId, SituationLevel> wanted = broughtIn(current);
    Set<OrganisationId> present = new HashSet<>();
    for (SituationParticipants.Participant p : participants.present(situation.id())) {
      if (wanted.containsKey(p.organisation())) {
        present.add(p.organisation());
      } else {
        leave(by, situation, p, at);
      }
    }
    Set<OrganisationId> joined = new HashSet<>();
    wanted.forEach(
        (organisation, level) -> {
          if (!present.contains(organisation)) {
            SituationParticipants.Participant p =
                participants.join(situation.id(), organisation, level.code(), at);
            events.publishEvent(
                new AuditableChange(
                    by,
                    "situation.participant.joined",
                    "situation",
                    situation.id().toString(),
                    situation.reference() + ": " + organisation + " (" + level.code() + ")",
                    null,
                    p));
            joined.add(organisation);
          }
        });
    if (!joined.isEmpty()) {
      events.publishEvent(
          new SituationJoined(
              situation.id(), situation.reference(), current.code(), current.name(), joined));
    }
  }

  /** Everyone present leaves: the situation closed. Their record stays. */
  void releaseAll(Actor by, Situation situation, Instant at) {
    participants.present(situation.id()).forEach(p -> leave(by, situation, p, at));
  }

  /** Each organisation the level and those below it bring in, with the lowest level that does. */
  private Map<OrganisationId, SituationLevel> broughtIn(SituationLevel current) {
    List<SituationLevel> upToCurrent =
        levels.all().stream().filter(l -> l.rank() <= current.rank()).toList();
    Map<OrganisationId, SituationLevel> wanted = new LinkedHashMap<>();
    Map<OrganisationId, OrganisationSummary> organisations = new HashMap<>();
    directory.activeOrganisations().forEach(o -> organisations.put(o.id(), o));
    for (SituationLevel level : upToCurrent) {
      for (OrganisationSummary organisation : organisations.values()) {
        if (level.brings(organisation)) {
          wanted.putIfAbsent(organisation.id(), level);
        }
      }
    }
    return wanted;
  }

  private void leave(
      Actor by, Situation situation, SituationParticipants.Participant participant, Instant at) {
    participants.leave(participant, at);
    events.publishEvent(
        new AuditableChange(
            by,
            "situation.participant.left",
            "situation",
            situation.id().toString(),
            situation.reference() + ": " + participant.organisation(),
            participant,
            null));
  }
}
