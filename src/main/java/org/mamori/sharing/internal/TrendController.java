package org.mamori.sharing.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.SectorSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.Tlp;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Trends of the released reports by fiscal year, quarter, sector, event type and cause; the reports
 * behind each count (as far as the reader may read them); and the sectors' service and verification
 * levels the counts use.
 *
 * <p>The statistics are shared with the whole community as if marked TLP:GREEN by the national hub:
 * they count every report, also those a reader may not read, and show no content or originator.
 */
@Controller
@RequestMapping("/trends")
class TrendController {

  private final TrendView view;
  private final TrendReports reports;
  private final TrendLevels levels;
  private final SpreadViews spread;
  private final Directory directory;
  private final AccessPolicy access;
  private final ApplicationEventPublisher events;

  TrendController(
      TrendView view,
      TrendReports reports,
      TrendLevels levels,
      SpreadViews spread,
      Directory directory,
      AccessPolicy access,
      ApplicationEventPublisher events) {
    this.view = view;
    this.reports = reports;
    this.levels = levels;
    this.spread = spread;
    this.directory = directory;
    this.access = access;
    this.events = events;
  }

  @GetMapping
  String trends(
      @RequestParam(required = false) @Nullable Integer from,
      @RequestParam(required = false) @Nullable Integer to,
      @RequestParam(required = false) @Nullable String sector,
      @RequestParam(required = false) @Nullable String eventType,
      @RequestParam(required = false) @Nullable String cause,
      @RequestParam(defaultValue = "false") boolean hub,
      Actor actor,
      Locale locale,
      Model model) {
    requireCommunity(actor);
    TrendFilter filter = view.filter(from, to, null, sector, eventType, cause, hub, false);
    model.addAttribute("trends", view.page(filter, locale));
    model.addAttribute("spreadAlerts", spread.maySee(actor) ? spread.recentCount() : null);
    return "sharing/trends";
  }

  @GetMapping("/reports")
  String reports(
      @RequestParam(required = false) @Nullable Integer from,
      @RequestParam(required = false) @Nullable Integer to,
      @RequestParam(required = false) @Nullable Integer quarter,
      @RequestParam(required = false) @Nullable String sector,
      @RequestParam(required = false) @Nullable String eventType,
      @RequestParam(required = false) @Nullable String cause,
      @RequestParam(defaultValue = "false") boolean hub,
      @RequestParam(defaultValue = "false") boolean reached,
      @RequestParam(defaultValue = "0") int page,
      Actor actor,
      Locale locale,
      Model model) {
    requireCommunity(actor);
    TrendFilter filter = view.filter(from, to, quarter, sector, eventType, cause, hub, reached);
    int current = Math.max(0, page);
    TrendReports.Page found = reports.readable(actor, filter, current * TrendReports.PAGE_SIZE);
    model.addAttribute("query", filter.query());
    model.addAttribute("described", view.describe(filter, locale));
    model.addAttribute("total", reports.count(filter));
    model.addAttribute("reports", found.rows());
    model.addAttribute("page", current);
    model.addAttribute("more", found.more());
    return "sharing/trend-reports";
  }

  @GetMapping("/levels")
  String levels(Actor actor, Model model) {
    requireCommunity(actor);
    model.addAttribute("form", LevelsForm.of(levelRows()));
    return levelsPage(actor, model);
  }

  @PostMapping("/levels")
  @Transactional
  public String saveLevels(
      @Valid @ModelAttribute("form") LevelsForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    if (!access.can(actor, Capability.ADMINISTER_PLATFORM)) {
      throw new AccessDeniedException("only platform administrators change sector levels");
    }
    for (int i = 0; i < form.rows().size(); i++) {
      LevelForm row = form.rows().get(i);
      requireJapanese(errors, i, "service", row.serviceJa(), row.serviceEn());
      requireJapanese(errors, i, "verification", row.verificationJa(), row.verificationEn());
    }
    if (errors.hasErrors()) {
      return levelsPage(actor, model);
    }
    List<LevelRow> before = levelRows();
    Set<UUID> sectors = sectorNames().keySet();
    for (LevelForm row : form.rows()) {
      if (row.sector() == null || !sectors.contains(row.sector())) {
        continue;
      }
      levels.set(row.sector(), TrendLevels.Kind.SERVICE, text(row.serviceJa(), row.serviceEn()));
      levels.set(
          row.sector(),
          TrendLevels.Kind.VERIFICATION,
          text(row.verificationJa(), row.verificationEn()));
    }
    List<LevelRow> after = levelRows();
    if (!before.equals(after)) {
      events.publishEvent(
          new AuditableChange(
              actor,
              "sharing.sector-levels.changed",
              "sector-levels",
              "-",
              "Sector service and verification levels changed",
              before,
              after));
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/trends/levels";
  }

  /** The statistics are the community's: anyone who may read a TLP:GREEN item of the hub. */
  private void requireCommunity(Actor actor) {
    Disclosure statistics =
        new Disclosure(directory.nationalHub().id(), Tlp.GREEN, Set.of(), Set.of());
    if (!access.mayRead(actor, statistics)) {
      throw new AccessDeniedException("statistics are for members of the community");
    }
  }

  private String levelsPage(Actor actor, Model model) {
    model.addAttribute("levels", levelRows());
    model.addAttribute("mayEdit", access.can(actor, Capability.ADMINISTER_PLATFORM));
    return "sharing/trend-levels";
  }

  private static void requireJapanese(
      BindingResult errors, int index, String level, @Nullable String ja, @Nullable String en) {
    if (isBlank(ja) && !isBlank(en)) {
      errors.rejectValue(
          "rows[" + index + "]." + level + "Ja", "trends.levels.japaneseRequired", null, null);
    }
  }

  private static @Nullable LocalizedText text(@Nullable String ja, @Nullable String en) {
    return isBlank(ja) ? null : new LocalizedText(ja.strip(), en == null ? "" : en.strip());
  }

  private static boolean isBlank(@Nullable String text) {
    return text == null || text.isBlank();
  }

  private Map<UUID, LocalizedText> sectorNames() {
    Map<UUID, LocalizedText> names = new java.util.LinkedHashMap<>();
    directory.sectors().forEach(s -> names.put(s.id().value(), s.name()));
    return names;
  }

  /** Every sector, in display order, with its levels (empty where it has none). */
  private List<LevelRow> levelRows() {
    Map<UUID, TrendLevels.SectorLevels> defined = levels.all();
    List<LevelRow> rows = new ArrayList<>();
    for (SectorSummary sector : directory.sectors()) {
      TrendLevels.SectorLevels level = defined.get(sector.id().value());
      LocalizedText service = level == null ? null : level.service();
      LocalizedText verification = level == null ? null : level.verification();
      rows.add(new LevelRow(sector.id().value(), sector.name(), service, verification));
    }
    return rows;
  }

  /** A sector and its levels, as the page shows them. */
  record LevelRow(
      UUID sector,
      LocalizedText sectorName,
      @Nullable LocalizedText service,
      @Nullable LocalizedText verification) {}

  /** One sector's levels as typed: a level without Japanese text is removed. */
  record LevelForm(
      @Nullable UUID sector,
      @Size(max = 500) @Nullable String serviceJa,
      @Size(max = 500) @Nullable String serviceEn,
      @Size(max = 500) @Nullable String verificationJa,
      @Size(max = 500) @Nullable String verificationEn) {}

  record LevelsForm(@Valid List<LevelForm> rows) {

    LevelsForm {
      rows = rows == null ? List.of() : rows;
    }

    static LevelsForm of(List<LevelRow> rows) {
      return new LevelsForm(
          rows.stream()
              .map(
                  r ->
                      new LevelForm(
                          r.sector(),
                          r.service() == null ? "" : r.service().ja(),
                          r.service() == null ? "" : r.service().en(),
                          r.verification() == null ? "" : r.verification().ja(),
                          r.verification() == null ? "" : r.verification().en()))
              .toList());
    }
  }
}
