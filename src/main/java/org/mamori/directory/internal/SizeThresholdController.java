package org.mamori.directory.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.LocalizedText;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The thresholds below which an operator counts as small or medium-sized: a default and per-sector
 * values. Everyone may read them (they decide how operators are counted); platform administrators
 * change them.
 */
@Controller
@RequestMapping("/directory/size-thresholds")
class SizeThresholdController {

  private final SizeThresholds thresholds;
  private final Sectors sectors;
  private final DirectoryPolicy policy;
  private final ApplicationEventPublisher events;

  SizeThresholdController(
      SizeThresholds thresholds,
      Sectors sectors,
      DirectoryPolicy policy,
      ApplicationEventPublisher events) {
    this.thresholds = thresholds;
    this.sectors = sectors;
    this.policy = policy;
    this.events = events;
  }

  @GetMapping
  String show(Actor actor, Model model) {
    model.addAttribute("form", ThresholdsForm.of(rows()));
    return page(actor, model);
  }

  @PostMapping
  @Transactional
  public String save(
      @Valid @ModelAttribute("form") ThresholdsForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    if (!policy.mayAdministerPlatform(actor)) {
      throw new AccessDeniedException("only platform administrators change thresholds");
    }
    if (errors.hasErrors()) {
      return page(actor, model);
    }
    List<Row> before = rows();
    for (RowForm row : form.rows()) {
      UUID sector = row.sector();
      if (sector == null) {
        thresholds.setDefault(row.smeMaxEmployees(), row.smeMaxCapitalYen());
      } else if (row.smeMaxEmployees() == null && row.smeMaxCapitalYen() == null) {
        thresholds.followDefault(sector);
      } else {
        thresholds.setForSector(sector, row.smeMaxEmployees(), row.smeMaxCapitalYen());
      }
    }
    events.publishEvent(
        new AuditableChange(
            actor,
            "directory.size-thresholds.changed",
            "size-thresholds",
            "-",
            "SME thresholds changed",
            before,
            rows()));
    redirect.addFlashAttribute("saved", true);
    return "redirect:/directory/size-thresholds";
  }

  private String page(Actor actor, Model model) {
    model.addAttribute("rows", rows());
    model.addAttribute("mayEdit", policy.mayAdministerPlatform(actor));
    return "directory/size-thresholds";
  }

  /** The default first, then every sector (blank when it follows the default). */
  private List<Row> rows() {
    List<SizeThreshold> all = thresholds.findAll();
    SizeThreshold defaults = SizeClassifier.thresholdFor(all, null);
    Map<UUID, SizeThreshold> bySector =
        all.stream()
            .filter(t -> t.sectorId() != null)
            .collect(Collectors.toMap(SizeThreshold::sectorId, Function.identity()));
    List<Row> rows = new java.util.ArrayList<>();
    rows.add(new Row(null, null, defaults.smeMaxEmployees(), defaults.smeMaxCapitalYen()));
    sectors.findAllInOrder().stream()
        .sorted(Comparator.comparingInt(Sector::displayOrder))
        .forEach(
            s -> {
              SizeThreshold own = bySector.get(s.id().value());
              rows.add(
                  new Row(
                      s.id().value(),
                      s.name(),
                      own == null ? null : own.smeMaxEmployees(),
                      own == null ? null : own.smeMaxCapitalYen()));
            });
    return rows;
  }

  /** A row of the table: no sector means the default. */
  record Row(
      @Nullable UUID sector,
      @Nullable LocalizedText sectorName,
      @Nullable Integer smeMaxEmployees,
      @Nullable Long smeMaxCapitalYen) {}

  record RowForm(
      @Nullable UUID sector,
      @Min(0) @Max(10_000_000) @Nullable Integer smeMaxEmployees,
      @Min(0) @Nullable Long smeMaxCapitalYen) {}

  record ThresholdsForm(@Valid List<RowForm> rows) {

    ThresholdsForm {
      rows = rows == null ? List.of() : rows;
    }

    static ThresholdsForm of(List<Row> rows) {
      return new ThresholdsForm(
          rows.stream()
              .map(r -> new RowForm(r.sector(), r.smeMaxEmployees(), r.smeMaxCapitalYen()))
              .toList());
    }
  }
}
