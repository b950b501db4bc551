package org.mamori.directory.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Channel;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.EndpointType;
import org.mamori.directory.RouteHop;
import org.mamori.directory.SharingDirection;
import org.mamori.directory.SharingMap;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sharing map (情報共有体制): "who hears about my report, in what order" for everyone, and the arrows
 * themselves, which platform administrators edit.
 */
@Controller
@RequestMapping("/directory/sharing-map")
class SharingMapController {

  private final SharingMap sharingMap;
  private final SharingEdges edges;
  private final Organisations organisations;
  private final Sectors sectors;
  private final DirectoryViews views;
  private final SharingMapAdministration administration;
  private final DirectoryPolicy policy;

  SharingMapController(
      SharingMap sharingMap,
      SharingEdges edges,
      Organisations organisations,
      Sectors sectors,
      DirectoryViews views,
      SharingMapAdministration administration,
      DirectoryPolicy policy) {
    this.sharingMap = sharingMap;
    this.edges = edges;
    this.organisations = organisations;
    this.sectors = sectors;
    this.views = views;
    this.administration = administration;
    this.policy = policy;
  }

  @GetMapping
  String map(
      @RequestParam(required = false) String organisation,
      @RequestParam(defaultValue = "REPORT") SharingDirection direction,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Actor actor,
      Model model) {
    Organisation sender = sender(organisation, actor);
    model.addAttribute("direction", direction);
    model.addAttribute("sender", new NamedOrganisation(sender.code(), sender.name()));
    model.addAttribute("route", route(sender, direction));
    if (htmx != null) {
      return "directory/sharing-map :: route";
    }
    model.addAttribute("mayChooseSender", policy.mayAdministerPlatform(actor));
    model.addAttribute("senderChoices", views.nonOperators());
    model.addAttribute("form", new EdgeForm(null, null, Channel.MAMORI, 1, false, false, "", ""));
    return page(direction, actor, model);
  }

  @GetMapping("/edges/{id}")
  String editEdgeForm(@PathVariable UUID id, Actor actor, Model model) {
    requirePlatformAdministrator(actor);
    SharingEdge edge =
        edges.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("edgeId", id);
    model.addAttribute("direction", edge.direction());
    model.addAttribute("form", EdgeForm.of(edge));
    model.addAttribute("endpointChoices", endpointChoices(edge));
    return "directory/sharing-edge";
  }

  @PostMapping("/edges")
  String draw(
      @RequestParam SharingDirection direction,
      @Valid @ModelAttribute("form") EdgeForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requirePlatformAdministrator(actor);
    if (!errors.hasErrors()) {
      try {
        administration.draw(
            actor, direction, endpoint(form.from()), endpoint(form.to()), form.settings());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/directory/sharing-map?direction=" + direction + "#edges";
      } catch (DirectoryRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    Organisation sender = sender(null, actor);
    model.addAttribute("direction", direction);
    model.addAttribute("sender", new NamedOrganisation(sender.code(), sender.name()));
    model.addAttribute("route", route(sender, direction));
    model.addAttribute("mayChooseSender", true);
    model.addAttribute("senderChoices", views.nonOperators());
    return page(direction, actor, model);
  }

  @PostMapping("/edges/{id}")
  String redraw(
      @PathVariable UUID id,
      @Valid @ModelAttribute("form") EdgeForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    requirePlatformAdministrator(actor);
    SharingEdge edge =
        edges.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!errors.hasErrors()) {
      try {
        administration.redraw(
            actor, id, endpoint(form.from()), endpoint(form.to()), form.settings());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/directory/sharing-map?direction=" + edge.direction() + "#edges";
      } catch (DirectoryRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    model.addAttribute("edgeId", id);
    model.addAttribute("direction", edge.direction());
    model.addAttribute("endpointChoices", endpointChoices(edge));
    return "directory/sharing-edge";
  }

  @PostMapping("/edges/{id}/delete")
  String erase(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
    requirePlatformAdministrator(actor);
    SharingEdge edge =
        edges.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    administration.erase(actor, id);
    redirect.addFlashAttribute("erased", true);
    return "redirect:/directory/sharing-map?direction=" + edge.direction() + "#edges";
  }

  /** The whole page; the caller has put the arrow form (blank, or with errors) in the model. */
  private String page(SharingDirection direction, Actor actor, Model model) {
    Map<String, LocalizedText> labels = endpointLabels();
    model.addAttribute(
        "edges",
        edges.findByDirection(direction.name()).stream()
            .map(e -> EdgeRow.of(e, labels))
            .sorted(
                java.util.Comparator.comparing((EdgeRow r) -> r.from().ja())
                    .thenComparingInt(EdgeRow::order))
            .toList());
    model.addAttribute("mayEdit", policy.mayAdministerPlatform(actor));
    model.addAttribute("endpointChoices", endpointChoices(null));
    return "directory/sharing-map";
  }

  /** The sender whose route is shown: one's own organisation unless one may look at others. */
  private Organisation sender(@Nullable String code, Actor actor) {
    if (code == null || code.isBlank()) {
      return organisations
          .findById(actor.organisation().value())
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
    Organisation chosen =
        organisations
            .findByCode(code)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!policy.maySeePrivateDetails(actor, chosen.id())) {
      throw new AccessDeniedException("may not see the route of " + code);
    }
    return chosen;
  }

  private List<RouteStep> route(Organisation sender, SharingDirection direction) {
    List<RouteHop> hops = sharingMap.routeFrom(sender.id(), direction);
    Map<UUID, Organisation> byId = new HashMap<>();
    organisations
        .findAllById(
            hops.stream()
                .flatMap(h -> java.util.stream.Stream.of(h.from().value(), h.to().value()))
                .distinct()
                .toList())
        .forEach(o -> byId.put(o.id().value(), o));
    Map<Integer, List<HopView>> byStep = new LinkedHashMap<>();
    List<HopView> emergency = new ArrayList<>();
    for (RouteHop hop : hops) {
      Organisation to = byId.get(hop.to().value());
      Organisation from = byId.get(hop.from().value());
      HopView view =
          new HopView(
              from.name(),
              to.code(),
              to.name(),
              hop.channel(),
              hop.order(),
              hop.forwardAtOnce(),
              hop.emergency());
      if (hop.emergency()) {
        emergency.add(view);
      } else {
        byStep.computeIfAbsent(hop.step(), s -> new ArrayList<>()).add(view);
      }
    }
    List<RouteStep> steps = new ArrayList<>();
    byStep.forEach((step, views) -> steps.add(new RouteStep(step, false, views)));
    if (!emergency.isEmpty()) {
      steps.add(new RouteStep(0, true, emergency));
    }
    return steps;
  }

  /** Every end an edge may have, labelled; the edge's own ends are offered even if unusual. */
  private List<EndpointChoice> endpointChoices(@Nullable SharingEdge current) {
    Map<String, LocalizedText> labels = endpointLabels();
    List<EndpointChoice> choices = new ArrayList<>();
    labels.forEach((value, label) -> choices.add(new EndpointChoice(value, label)));
    if (current != null) {
      for (SharingEdge.Endpoint end : List.of(current.from(), current.to())) {
        String value = value(end);
        if (!labels.containsKey(value)) {
          choices.add(0, new EndpointChoice(value, label(end)));
        }
      }
    }
    return choices;
  }

  private Map<String, LocalizedText> endpointLabels() {
    Map<String, LocalizedText> labels = new LinkedHashMap<>();
    views
        .nonOperators()
        .forEach(
            o -> labels.put("ORGANISATION:" + o.id(), new LocalizedText(o.nameJa(), o.nameEn())));
    sectors
        .findAllInOrder()
        .forEach(
            s ->
                labels.put(
                    "SECTOR_OPERATORS:" + s.id().value(),
                    new LocalizedText(
                        s.name().ja() + "分野の事業者すべて",
                        "Every operator in " + s.name().in(java.util.Locale.ENGLISH))));
    views.nonOperators().stream()
        .filter(o -> java.util.Arrays.asList(o.kinds()).contains("CEPTOAR"))
        .forEach(
            c ->
                labels.put(
                    "CEPTOAR_MEMBERS:" + c.id(),
                    new LocalizedText(
                        c.nameJa() + "の会員事業者",
                        "Members of " + (c.nameEn().isBlank() ? c.nameJa() : c.nameEn()))));
    labels.put("ALL_OPERATORS", new LocalizedText("すべての事業者", "Every operator"));
    return labels;
  }

  private LocalizedText label(SharingEdge.Endpoint end) {
    return endpointLabels()
        .getOrDefault(
            value(end),
            organisations
                .findById(end.ref() == null ? new UUID(0, 0) : end.ref())
                .map(Organisation::name)
                .orElse(new LocalizedText("?", "?")));
  }

  static String value(SharingEdge.Endpoint end) {
    return end.type() == EndpointType.ALL_OPERATORS
        ? "ALL_OPERATORS"
        : end.type().name() + ":" + end.ref();
  }

  static SharingEdge.Endpoint endpoint(@Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new DirectoryRuleViolation("sharingMap.end.unknown");
    }
    if ("ALL_OPERATORS".equals(value)) {
      return new SharingEdge.Endpoint(EndpointType.ALL_OPERATORS, null);
    }
    String[] parts = value.split(":", 2);
    try {
      return new SharingEdge.Endpoint(EndpointType.valueOf(parts[0]), UUID.fromString(parts[1]));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformed) {
      throw new DirectoryRuleViolation("sharingMap.end.unknown");
    }
  }

  private void requirePlatformAdministrator(Actor actor) {
    if (!policy.mayAdministerPlatform(actor)) {
      throw new AccessDeniedException("only platform administrators change the sharing map");
    }
  }

  record NamedOrganisation(String code, LocalizedText name) {}

  record RouteStep(int step, boolean emergency, List<HopView> hops) {}

  record HopView(
      LocalizedText from,
      String toCode,
      LocalizedText to,
      Channel channel,
      int order,
      boolean forwardAtOnce,
      boolean emergency) {}

  record EndpointChoice(String value, LocalizedText label) {}

  record EdgeRow(
      UUID id,
      LocalizedText from,
      LocalizedText to,
      Channel channel,
      int order,
      boolean forwardAtOnce,
      boolean emergency,
      String noteJa,
      String noteEn) {

    public String note(java.util.Locale locale) {
      return DirectoryViews.pick(locale, noteJa, noteEn);
    }

    static EdgeRow of(SharingEdge edge, Map<String, LocalizedText> labels) {
      SharingEdge.HopSettings how = edge.settings();
      return new EdgeRow(
          edge.id(),
          labels.getOrDefault(value(edge.from()), new LocalizedText("?", "?")),
          labels.getOrDefault(value(edge.to()), new LocalizedText("?", "?")),
          how.channel(),
          how.order(),
          how.forwardAtOnce(),
          how.emergency(),
          how.noteJa(),
          how.noteEn());
    }
  }

  record EdgeForm(
      @NotBlank @Nullable String from,
      @NotBlank @Nullable String to,
      @NotNull Channel channel,
      @Min(1) @Max(99) int order,
      boolean forwardAtOnce,
      boolean emergency,
      @Size(max = 500) String noteJa,
      @Size(max = 500) String noteEn) {

    EdgeForm {
      channel = channel == null ? Channel.MAMORI : channel;
      noteJa = noteJa == null ? "" : noteJa;
      noteEn = noteEn == null ? "" : noteEn;
    }

    static EdgeForm of(SharingEdge edge) {
      SharingEdge.HopSettings how = edge.settings();
      return new EdgeForm(
          value(edge.from()),
          value(edge.to()),
          how.channel(),
          how.order(),
          how.forwardAtOnce(),
          how.emergency(),
          how.noteJa(),
          how.noteEn());
    }

    SharingEdge.HopSettings settings() {
      return new SharingEdge.HopSettings(
          channel, order, forwardAtOnce, emergency, noteJa.strip(), noteEn.strip());
    }
  }
}
