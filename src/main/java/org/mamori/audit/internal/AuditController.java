package org.mamori.audit.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.audit.AuditTrail;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for auditors: read, filter, verify the chain, export as CSV. */
@Controller
@RequestMapping("/audit")
class AuditController {

  static final int PAGE_SIZE = 50;
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter CSV_TIME =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(JAPAN);

  private final AuditEntries entries;
  private final AuditTrail trail;
  private final AccessPolicy access;
  private final Directory directory;
  private final ApplicationEventPublisher events;

  AuditController(
      AuditEntries entries,
      AuditTrail trail,
      AccessPolicy access,
      Directory directory,
      ApplicationEventPublisher events) {
    this.entries = entries;
    this.trail = trail;
    this.access = access;
    this.directory = directory;
    this.events = events;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String subjectType,
      @RequestParam(required = false) String subjectId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long before,
      Actor actor,
      Locale locale,
      Model model) {
    requireAuditor(actor);
    AuditEntries.Filter filter = filter(organisation, subjectType, subjectId, from, to);
    List<AuditEntry> page =
        entries.page(filter, before == null ? Long.MAX_VALUE : before, PAGE_SIZE + 1);
    List<AuditEntry> shown = page.subList(0, Math.min(page.size(), PAGE_SIZE));
    Names names = new Names(directory, locale);
    model.addAttribute(
        "entries",
        shown.stream()
            .map(
                e ->
                    new EntryRow(
                        e.position(),
                        e.recordedAt(),
                        names.person(e.actorPerson()),
                        names.organisation(e.actorOrganisation()),
                        e.action(),
                        e.subjectType(),
                        e.subjectId(),
                        e.summary(),
                        e.beforeDigest(),
                        e.afterDigest()))
            .toList());
    model.addAttribute(
        "nextBefore", page.size() > PAGE_SIZE ? shown.get(shown.size() - 1).position() : null);
    model.addAttribute("organisation", organisation == null ? "" : organisation);
    model.addAttribute("subjectType", subjectType == null ? "" : subjectType);
    model.addAttribute("subjectId", subjectId == null ? "" : subjectId);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    return "audit/trail";
  }

  @PostMapping("/verify")
  String verify(Actor actor, Model model) {
    requireAuditor(actor);
    model.addAttribute("verification", trail.verify());
    return "audit/verification";
  }

  @GetMapping("/export.csv")
  @Transactional
  public void export(
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String subjectType,
      @RequestParam(required = false) String subjectId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Actor actor,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    requireAuditor(actor);
    AuditEntries.Filter filter = filter(organisation, subjectType, subjectId, from, to);
    events.publishEvent(
        new AuditableChange(
            actor,
            "audit.exported",
            "audit-trail",
            "-",
            "Audit trail exported as CSV",
            null,
            filter));
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"mamori-audit-trail.csv\"");
    Names names = new Names(directory, locale);
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    // A byte-order mark lets spreadsheet programs read the Japanese text as UTF-8.
    writer.write('\uFEFF');
    CSVPrinter csv =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(
                "position",
                "recorded_at",
                "person",
                "organisation",
                "action",
                "subject_type",
                "subject_id",
                "summary",
                "before_digest",
                "after_digest",
                "previous_mac",
                "mac")
            .get()
            .print(writer);
    entries.forEachMatching(
        filter,
        e -> {
          try {
            csv.printRecord(
                e.position(),
                CSV_TIME.format(e.recordedAt()),
                names.person(e.actorPerson()),
                names.organisation(e.actorOrganisation()),
                e.action(),
                e.subjectType(),
                e.subjectId(),
                e.summary(),
                e.beforeDigest(),
                e.afterDigest(),
                e.previousMac(),
                e.mac());
          } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
          }
        });
    csv.flush();
  }

  private AuditEntries.Filter filter(
      @Nullable String organisationCode,
      @Nullable String subjectType,
      @Nullable String subjectId,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {
    UUID organisation =
        organisationCode == null || organisationCode.isBlank()
            ? null
            : directory
                .organisationByCode(organisationCode.strip())
                .map(o -> o.id().value())
                // An unknown code matches nothing rather than everything.
                .orElse(new UUID(0, 1));
    return new AuditEntries.Filter(
        blankToNull(subjectType),
        blankToNull(subjectId),
        organisation,
        from == null ? null : from.atStartOfDay(JAPAN).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(JAPAN).toInstant());
  }

  private void requireAuditor(Actor actor) {
    if (!access.can(actor, Capability.AUDIT)) {
      throw new AccessDeniedException("only auditors read the audit trail");
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  record EntryRow(
      long position,
      java.time.Instant recordedAt,
      String person,
      String organisation,
      String action,
      String subjectType,
      String subjectId,
      String summary,
      @Nullable String beforeDigest,
      @Nullable String afterDigest) {}

  /** Names for the identifiers in the trail, looked up once each. */
  private static final class Names {
    private static final UUID SYSTEM = new UUID(0, 0);
    private final Directory directory;
    private final Locale locale;
    private final Map<UUID, String> people = new HashMap<>();
    private final Map<UUID, String> organisations = new HashMap<>();

    Names(Directory directory, Locale locale) {
      this.directory = directory;
      this.locale = locale;
    }

    String person(UUID id) {
      if (SYSTEM.equals(id)) {
        return "Mamori";
      }
      return people.computeIfAbsent(
          id,
          key ->
              directory.person(new PersonId(key)).map(PersonSummary::email).orElse(key.toString()));
    }

    String organisation(UUID id) {
      if (SYSTEM.equals(id)) {
        return "-";
      }
      return organisations.computeIfAbsent(
          id,
          key ->
              directory
                  .organisation(new OrganisationId(key))
                  .map((OrganisationSummary o) -> o.name(locale))
                  .orElse(key.toString()));
    }
  }
}
