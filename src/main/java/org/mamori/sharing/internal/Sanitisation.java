package org.mamori.sharing.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.SectorSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.Tlp;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sanitised cross-sector releases: who may publish one from a report, and the advisory form it
 * starts from — the reporter anonymised as "an operator in the electricity sector", the free text
 * there for the editor to redact, the indicators kept.
 */
@Component
class Sanitisation {

  /** As pages show times: the zone named, so nobody reads it as their own. */
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ReportVersions versions;
  private final Taxonomy taxonomy;
  private final Directory directory;
  private final AccessPolicy access;
  private final MessageSource messages;

  Sanitisation(
      ReportVersions versions,
      Taxonomy taxonomy,
      Directory directory,
      AccessPolicy access,
      MessageSource messages) {
    this.versions = versions;
    this.taxonomy = taxonomy;
    this.directory = directory;
    this.access = access;
    this.messages = messages;
  }

  /**
   * Where a sanitised release came from, as the editor sees it on the form.
   *
   * @param reporter how the release names the reporter: "an operator in the electricity sector"
   */
  record Source(String reference, String reporter) {}

  /**
   * Liaisons (RELAY) at the national hub, or at a sector ministry the report reached, who may read
   * the report publish sanitised versions of it.
   */
  boolean mayPublish(Actor actor, Report report) {
    if (!report.released()
        || !access.can(actor, Capability.RELAY)
        || !access.mayRead(actor, report.disclosure())) {
      return false;
    }
    OrganisationSummary acting = directory.organisation(actor.organisation()).orElse(null);
    if (acting == null) {
      return false;
    }
    return acting.is(OrganisationKind.NATIONAL_HUB)
        || (acting.is(OrganisationKind.SECTOR_MINISTRY)
            && report.hopAt(actor.organisation()).isPresent());
  }

  Source source(Report report, Locale locale) {
    return new Source(report.reference(), reporter(sectorName(report.sectorId()), locale));
  }

  /**
   * The form a sanitised release starts from, written from the latest version of the report the
   * editor may read, in the editor's language: TLP:GREEN, to every sector.
   */
  AdvisoryForm prefill(Report report, Actor editor, Locale locale) {
    ReportVersion latest =
        latestReadable(report, editor)
            .orElseThrow(() -> new SharingRuleViolation("advisory.sanitise.nothingReadable"));
    String reporter = reporter(sectorName(report.sectorId()), locale);
    List<String> lines = new ArrayList<>();
    lines.add(message("advisory.sanitise.body.intro", locale, reporter));
    lines.add("");
    lines.add(
        message(
            "advisory.sanitise.body.eventType",
            locale,
            name(taxonomy.eventTypes(), latest.eventType(), locale)));
    lines.add(
        message(
            "advisory.sanitise.body.impact",
            locale,
            name(taxonomy.impacts(), latest.impact(), locale)));
    lines.add(
        message(
            "advisory.sanitise.body.occurredAt",
            locale,
            SHOWN.format(latest.occurredAt().atZone(ReportForm.JAPAN)) + " JST"));
    if (!latest.details().isBlank()) {
      lines.add("");
      lines.add(latest.details());
    }
    return new AdvisoryForm(
        latest.summary(),
        String.join("\n", lines),
        latest.indicators(),
        Tlp.GREEN.name(),
        false,
        directory.sectors().stream().map(s -> s.id().value().toString()).toList(),
        List.of(),
        "",
        "",
        "",
        report.reference());
  }

  /** "an operator in the electricity sector", in the reader's language. */
  String reporter(@Nullable LocalizedText sector, Locale locale) {
    if (sector == null) {
      return message("advisory.sanitised.reporter.unknownSector", locale);
    }
    String name = sector.in(locale);
    // English sector names are capitalised as titles; inside a sentence they are not.
    if ("en".equals(locale.getLanguage()) && !sector.en().isBlank()) {
      name = name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
    return message("advisory.sanitised.reporter", locale, name);
  }

  private Optional<ReportVersion> latestReadable(Report report, Actor editor) {
    AccessPolicy.Reader reader = access.readerFor(editor);
    return versions.of(report.id()).stream()
        .filter(ReportVersion::released)
        .filter(v -> reader.mayRead(report.disclosure().under(v.tlp())))
        .reduce((first, second) -> second);
  }

  private @Nullable LocalizedText sectorName(@Nullable UUID sector) {
    if (sector == null) {
      return null;
    }
    return directory.sectors().stream()
        .filter(s -> s.id().value().equals(sector))
        .map(SectorSummary::name)
        .findFirst()
        .orElse(null);
  }

  private static String name(List<Taxonomy.Option> options, String code, Locale locale) {
    return options.stream()
        .filter(o -> o.code().equals(code))
        .map(o -> o.name().in(locale))
        .findFirst()
        .orElse(code);
  }

  private String message(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }
}
