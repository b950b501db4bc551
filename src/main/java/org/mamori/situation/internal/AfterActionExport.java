package org.mamori.situation.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mamori.directory.Directory;
import org.mamori.platform.PdfDocuments;
import org.mamori.shared.Actor;
import org.mamori.sharing.AdvisoryIssuer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A situation's after-action record for one reader (the room's facts, the proposals, the SITREPs
 * issued), as JSON or as a PDF in Japanese. While the situation is open the record is interim.
 */
@Component
@Transactional(readOnly = true)
class AfterActionExport {

  private static final String STYLE = style();

  private final SituationViews views;
  private final Sitreps sitreps;
  private final AdvisoryIssuer advisories;
  private final Directory directory;
  private final ITemplateEngine templates;
  private final PdfDocuments pdf;
  private final Clock clock;

  AfterActionExport(
      SituationViews views,
      Sitreps sitreps,
      AdvisoryIssuer advisories,
      Directory directory,
      ITemplateEngine templates,
      PdfDocuments pdf,
      Clock clock) {
    this.views = views;
    this.sitreps = sitreps;
    this.advisories = advisories;
    this.directory = directory;
    this.templates = templates;
    this.pdf = pdf;
    this.clock = clock;
  }

  Optional<AfterAction> of(UUID situation, Actor reader) {
    return views.room(situation, reader).map(room -> record(situation, room, reader));
  }

  /** The record as a PDF, in Japanese. */
  byte[] pdf(AfterAction record) {
    Context context = new Context(Locale.JAPANESE);
    context.setVariable("a", record);
    context.setVariable("jst", new Jst());
    context.setVariable("css", STYLE);
    return pdf.render(templates.process("situation/after-action-pdf", context));
  }

  private static String style() {
    try (var in = AfterActionExport.class.getResourceAsStream("/pdf/after-action.css")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("pdf/after-action.css is missing from the build", e);
    }
  }

  /** Shows times in Japan time for the PDF. */
  static final class Jst {
    public String show(java.time.Instant at) {
      return SitrepText.show(at);
    }
  }

  private AfterAction record(UUID id, SituationViews.Room room, Actor reader) {
    SituationViews.SituationRow s = room.situation();
    List<AfterAction.LevelEntry> levels =
        room.timeline().stream()
            .filter(m -> m.kind().equals("level"))
            .sorted(Comparator.comparing(SituationViews.Moment::at))
            .map(
                m ->
                    new AfterAction.LevelEntry(
                        m.at(), m.from(), m.to(), m.who(), m.second(), m.text()))
            .toList();
    List<AfterAction.DecisionEntry> decisions =
        views.proposalsAbout(id).stream()
            .map(
                p ->
                    new AfterAction.DecisionEntry(
                        p.proposedAt(),
                        p.rule(),
                        p.proposedBy(),
                        p.level(),
                        p.state(),
                        p.firstConfirmedBy(),
                        p.firstReason(),
                        p.decidedBy(),
                        p.decidedAt(),
                        p.decisionReason()))
            .toList();
    List<AfterAction.ParticipantEntry> participants =
        room.participants().stream()
            .map(
                p ->
                    new AfterAction.ParticipantEntry(
                        p.organisation(), p.level(), p.joinedAt(), p.leftAt()))
            .toList();
    List<AfterAction.ReportEntry> reports =
        room.reports().stream()
            .map(n -> new AfterAction.ReportEntry(n.reference(), n.title(), n.tlp()))
            .toList();
    Map<Integer, String> issuers = new HashMap<>();
    room.parts().sitreps().forEach(r -> issuers.put(r.number(), r.issuedBy()));
    List<AfterAction.SitrepEntry> issued =
        sitreps.of(id).stream()
            .filter(x -> !x.draft() && x.advisory() != null && x.issuedAt() != null)
            .flatMap(
                x ->
                    advisories.receipts(reader, x.advisory()).stream()
                        .map(
                            r ->
                                new AfterAction.SitrepEntry(
                                    x.number(),
                                    x.issuedAt(),
                                    issuers.getOrDefault(x.number(), "?"),
                                    r.reference(),
                                    r.tlp(),
                                    r.acknowledgeBy(),
                                    r.recipients(),
                                    r.acknowledgements().size(),
                                    x.body())))
            .toList();
    return new AfterAction(
        AfterAction.FORMAT,
        s.closedAt() == null,
        clock.instant(),
        directory.people(List.of(reader.person())).values().stream()
            .findFirst()
            .map(p -> p.displayName())
            .orElse("?"),
        new AfterAction.Summary(
            s.reference(),
            s.title(),
            s.level(),
            s.national(),
            s.sectors(),
            s.openedAt(),
            s.closedAt(),
            room.closedBy(),
            room.closeReason()),
        levels,
        decisions,
        participants,
        reports,
        room.unreadableReports(),
        issued);
  }
}
