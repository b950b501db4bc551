package org.mamori.situation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.directory.SectorSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;
import org.mamori.sharing.SharedItems;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the situation pages show, with names filled in. Reports are listed only as their reader may
 * read them now (through the sharing module's notices); the rest are only counted.
 */
@Component
@Transactional(readOnly = true)
class SituationViews {

  static final int RECENT = 50;

  record SituationRow(
      UUID id,
      String reference,
      String title,
      LocalizedText level,
      int rank,
      boolean national,
      List<LocalizedText> sectors,
      Instant openedAt,
      @Nullable Instant closedAt,
      String levelCode) {}

  record ProposalRow(
      UUID id,
      String title,
      @Nullable LocalizedText rule,
      LocalizedText level,
      boolean twoPerson,
      boolean national,
      List<LocalizedText> sectors,
      int reports,
      String basis,
      Instant proposedAt,
      @Nullable String proposedBy,
      String state,
      @Nullable String firstConfirmedBy,
      String firstReason,
      @Nullable String decidedBy,
      @Nullable Instant decidedAt,
      String decisionReason,
      @Nullable UUID situation) {}

  /** One entry in a situation room's timeline. */
  record Moment(
      Instant at,
      String kind,
      String who,
      @Nullable String second,
      String text,
      @Nullable LocalizedText from,
      @Nullable LocalizedText to,
      @Nullable Integer sitrep) {}

  /** An organisation that joined the response, and whether it has left. */
  record ParticipantRow(
      LocalizedText organisation,
      LocalizedText level,
      Instant joinedAt,
      @Nullable Instant leftAt) {}

  record Room(
      SituationRow situation,
      List<ParticipantRow> participants,
      List<Moment> timeline,
      List<SharedItems.Notice> reports,
      int unreadableReports,
      String closeReason,
      @Nullable String closedBy,
      SituationRoomParts.Parts parts) {}

  private final Situations situations;
  private final Proposals proposals;
  private final SituationLevels levels;
  private final RecognitionRules rules;
  private final Directory directory;
  private final SharedItems items;
  private final SituationParticipants participants;
  private final SituationRoomParts roomParts;

  SituationViews(
      SituationRoomParts roomParts,
      SituationParticipants participants,
      Situations situations,
      Proposals proposals,
      SituationLevels levels,
      RecognitionRules rules,
      Directory directory,
      SharedItems items) {
    this.roomParts = roomParts;
    this.participants = participants;
    this.situations = situations;
    this.proposals = proposals;
    this.levels = levels;
    this.rules = rules;
    this.directory = directory;
    this.items = items;
  }

  /** Situations and proposals are the national hub's working papers. */
  boolean maySee(Actor actor) {
    return !actor.isSystem() && actor.organisation().equals(directory.nationalHub().id());
  }

  List<SituationRow> recentSituations() {
    return situations.recent(RECENT).stream().map(this::row).toList();
  }

  List<ProposalRow> openProposals() {
    return rows(proposals.open());
  }

  Optional<ProposalRow> proposal(UUID id) {
    return proposals.find(id).map(p -> rows(List.of(p)).get(0));
  }

  /** Every proposal about the situation (the one that opened it included), oldest first. */
  List<ProposalRow> proposalsAbout(UUID situation) {
    return rows(proposals.about(situation));
  }

  Optional<SituationRow> situation(UUID id) {
    return situations.find(id).map(this::row);
  }

  Optional<Room> room(UUID id, Actor reader) {
    return situations.find(id).map(s -> room(s, reader));
  }

  private Room room(Situation s, Actor reader) {
    List<Situations.LevelChange> history = situations.history(s.id());
    List<Proposal> about = proposals.about(s.id());
    Set<PersonId> ids = new HashSet<>();
    history.forEach(
        c -> {
          ids.add(c.decidedBy());
          if (c.confirmedBy() != null) ids.add(c.confirmedBy());
        });
    about.forEach(p -> ids.addAll(people(p)));
    if (s.closedBy() != null) ids.add(s.closedBy());
    Map<PersonId, PersonSummary> names = directory.people(ids);
    Map<String, SituationLevel> byCode = levelsByCode();
    List<Moment> timeline = new ArrayList<>();
    for (Situations.LevelChange c : history) {
      timeline.add(
          new Moment(
              c.decidedAt(),
              "level",
              name(names, c.decidedBy()),
              c.confirmedBy() == null ? null : name(names, c.confirmedBy()),
              c.reason(),
              c.fromLevel() == null ? null : byCode.get(c.fromLevel()).name(),
              byCode.get(c.toLevel()).name(),
              null));
    }
    for (Proposal p : about) {
      if (p.state() == Proposal.State.DISMISSED) {
        timeline.add(
            new Moment(
                p.decidedAt(),
                "dismissed",
                name(names, p.decidedBy()),
                null,
                p.decisionReason(),
                null,
                byCode.get(p.level()).name(),
                null));
      } else if (p.state() == Proposal.State.AWAITING_SECOND) {
        timeline.add(
            new Moment(
                p.firstConfirmedAt(),
                "awaitingSecond",
                name(names, p.firstConfirmedBy()),
                null,
                p.firstReason(),
                null,
                byCode.get(p.level()).name(),
                null));
      }
    }
    if (s.closedAt() != null) {
      timeline.add(
          new Moment(
              s.closedAt(),
              "closed",
              name(names, s.closedBy()),
              null,
              s.closeReason(),
              null,
              null,
              null));
    }
    SituationRoomParts.Parts parts = roomParts.of(s, reader);
    timeline.addAll(parts.moments());
    timeline.sort(Comparator.comparing(Moment::at).reversed());
    List<SharedItems.Notice> readable = new ArrayList<>();
    int unreadable = 0;
    for (UUID report : situations.reports(s.id())) {
      Optional<SharedItems.Notice> notice =
          items.noticeFor(new SharedItems.ItemRef(SharedItems.Kind.REPORT, report), reader);
      if (notice.isPresent()) {
        readable.add(notice.get());
      } else {
        unreadable++;
      }
    }
    return new Room(
        row(s),
        participants(s, byCode),
        timeline,
        readable,
        unreadable,
        s.closeReason(),
        s.closedBy() == null ? null : name(names, s.closedBy()),
        parts);
  }

  /**
   * The organisations a platform administrator may name in a level's posture: vendors (of the
   * systems a situation may touch), and any organisation a level names already.
   */
  List<OrganisationSummary> nameableOrganisations(List<SituationLevel> all) {
    Set<OrganisationId> named = new HashSet<>();
    all.forEach(l -> named.addAll(l.joiningOrganisations()));
    List<OrganisationSummary> found = new ArrayList<>();
    directory.activeOrganisations().stream()
        .filter(o -> o.is(OrganisationKind.VENDOR) || named.contains(o.id()))
        .forEach(found::add);
    directory.organisations(named).values().stream()
        .filter(o -> !found.contains(o))
        .forEach(found::add);
    found.sort(Comparator.comparing(OrganisationSummary::nameJa));
    return found;
  }

  Set<UUID> nameableIds(List<SituationLevel> all) {
    return nameableOrganisations(all).stream().map(o -> o.id().value()).collect(Collectors.toSet());
  }

  private List<ParticipantRow> participants(Situation s, Map<String, SituationLevel> byCode) {
    List<SituationParticipants.Participant> all = participants.of(s.id());
    Map<OrganisationId, OrganisationSummary> names =
        directory.organisations(
            all.stream().map(SituationParticipants.Participant::organisation).toList());
    return all.stream()
        .map(
            p -> {
              OrganisationSummary o = names.get(p.organisation());
              return new ParticipantRow(
                  o == null
                      ? new LocalizedText("?", "?")
                      : new LocalizedText(o.nameJa(), o.nameEn()),
                  byCode.get(p.level()).name(),
                  p.joinedAt(),
                  p.leftAt());
            })
        .toList();
  }

  private List<ProposalRow> rows(List<Proposal> found) {
    Set<PersonId> ids = new HashSet<>();
    found.forEach(p -> ids.addAll(people(p)));
    Map<PersonId, PersonSummary> names = directory.people(ids);
    Map<String, SituationLevel> byCode = levelsByCode();
    Map<String, RecognitionRule> byRule =
        rules.all().stream().collect(Collectors.toMap(RecognitionRule::code, Function.identity()));
    Map<SectorId, LocalizedText> sectorNames = sectorNames();
    return found.stream()
        .map(
            p -> {
              SituationLevel level = byCode.get(p.level());
              return new ProposalRow(
                  p.id(),
                  p.title(),
                  p.rule() == null ? null : byRule.get(p.rule()).name(),
                  level.name(),
                  level.twoPerson(),
                  p.national(),
                  sectors(p.sectors(), sectorNames),
                  p.reports().size(),
                  p.reason(),
                  p.proposedAt(),
                  p.proposedBy() == null ? null : name(names, p.proposedBy()),
                  p.state().name(),
                  p.firstConfirmedBy() == null ? null : name(names, p.firstConfirmedBy()),
                  p.firstReason(),
                  p.decidedBy() == null ? null : name(names, p.decidedBy()),
                  p.decidedAt(),
                  p.decisionReason(),
                  p.situation());
            })
        .toList();
  }

  private SituationRow row(Situation s) {
    SituationLevel level = levelsByCode().get(s.level());
    return new SituationRow(
        s.id(),
        s.reference(),
        s.title(),
        level.name(),
        level.rank(),
        s.national(),
        sectors(s.sectors(), sectorNames()),
        s.openedAt(),
        s.closedAt(),
        s.level());
  }

  private Map<String, SituationLevel> levelsByCode() {
    return levels.all().stream()
        .collect(Collectors.toMap(SituationLevel::code, Function.identity()));
  }

  private Map<SectorId, LocalizedText> sectorNames() {
    return directory.sectors().stream()
        .collect(Collectors.toMap(SectorSummary::id, SectorSummary::name));
  }

  private List<LocalizedText> sectors(Set<SectorId> ids, Map<SectorId, LocalizedText> names) {
    return directory.sectors().stream()
        .filter(s -> ids.contains(s.id()))
        .map(s -> names.get(s.id()))
        .toList();
  }

  private static Set<PersonId> people(Proposal p) {
    Set<PersonId> ids = new HashSet<>();
    for (PersonId id : new PersonId[] {p.proposedBy(), p.firstConfirmedBy(), p.decidedBy()}) {
      if (id != null) ids.add(id);
    }
    return ids;
  }

  private static String name(Map<PersonId, PersonSummary> names, @Nullable PersonId id) {
    PersonSummary found = id == null ? null : names.get(id);
    return found == null ? "?" : found.displayName();
  }
}
