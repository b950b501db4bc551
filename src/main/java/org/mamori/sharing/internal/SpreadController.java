package org.mamori.sharing.internal;

import java.util.List;
import java.util.UUID;
import org.mamori.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Possible spreads across sectors, for the national hub's analysts and duty officers: each alert
 * tells its reader only what they may read.
 */
@Controller
@RequestMapping("/trends/spread")
class SpreadController {

  private final SpreadViews views;
  private final SpreadSettings settings;

  SpreadController(SpreadViews views, SpreadSettings settings) {
    this.views = views;
    this.settings = settings;
  }

  @GetMapping
  String list(@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
    requireHubAnalyst(actor);
    int current = Math.max(0, page);
    List<SpreadViews.AlertView> alerts =
        views.list(actor, current * SpreadViews.PAGE_SIZE, SpreadViews.PAGE_SIZE + 1);
    model.addAttribute("alerts", alerts.subList(0, Math.min(alerts.size(), SpreadViews.PAGE_SIZE)));
    model.addAttribute("more", alerts.size() > SpreadViews.PAGE_SIZE);
    model.addAttribute("page", current);
    model.addAttribute("windowHours", settings.window().toHours());
    return "sharing/spread";
  }

  @GetMapping("/{id}")
  String alert(@PathVariable UUID id, Actor actor, Model model) {
    requireHubAnalyst(actor);
    model.addAttribute(
        "alert",
        views
            .alert(actor, id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    model.addAttribute("windowHours", settings.window().toHours());
    return "sharing/spread-alert";
  }

  private void requireHubAnalyst(Actor actor) {
    if (!views.maySee(actor)) {
      throw new AccessDeniedException("spread alerts are for the national hub's analysts");
    }
  }
}
