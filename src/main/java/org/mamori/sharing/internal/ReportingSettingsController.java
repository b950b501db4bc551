package org.mamori.sharing.internal;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation decides whether its reports need a manager's approval before they leave it, and
 * which reporting regime its reporting clocks follow. Its administrators change this; approval
 * needs someone who can approve.
 */
@Controller
@RequestMapping("/reports/settings")
class ReportingSettingsController {

  private final JdbcClient jdbc;
  private final Directory directory;
  private final AccessPolicy access;
  private final ApplicationEventPublisher events;
  private final ReportingRegimes regimes;

  ReportingSettingsController(
      JdbcClient jdbc,
      Directory directory,
      AccessPolicy access,
      ApplicationEventPublisher events,
      ReportingRegimes regimes) {
    this.regimes = regimes;
    this.jdbc = jdbc;
    this.directory = directory;
    this.access = access;
    this.events = events;
  }

  @GetMapping
  String show(Actor actor, Model model) {
    requireAdministrator(actor);
    model.addAttribute("approvalRequired", approvalRequired(actor));
    model.addAttribute("approvers", approvers(actor));
    model.addAttribute("regimes", regimes.all());
    model.addAttribute("chosenRegime", regimes.chosenBy(actor.organisation()));
    model.addAttribute("defaultRegime", regimes.byDefault());
    return "sharing/reporting-settings";
  }

  @PostMapping
  @Transactional
  public String save(
      @RequestParam(defaultValue = "false") boolean approvalRequired,
      @RequestParam(required = false) @Nullable String regime,
      Actor actor,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    if (regime != null) {
      try {
        regimes.choose(actor, regime.isBlank() ? null : regime.strip());
      } catch (SharingRuleViolation rule) {
        redirect.addFlashAttribute("problem", rule.messageKey());
        return "redirect:/reports/settings";
      }
    }
    if (approvalRequired && approvers(actor).isEmpty()) {
      redirect.addFlashAttribute("problem", "reportingSettings.noApprover");
      return "redirect:/reports/settings";
    }
    boolean before = approvalRequired(actor);
    jdbc.sql(
            """
            insert into reporting_setting (organisation_id, approval_required)
            values (:organisation, :required)
            on conflict (organisation_id) do update set approval_required = excluded.approval_required
            """)
        .param("organisation", actor.organisation().value())
        .param("required", approvalRequired)
        .update();
    events.publishEvent(
        new AuditableChange(
            actor,
            "sharing.reporting-settings.changed",
            "organisation",
            actor.organisation().toString(),
            approvalRequired ? "Reports need approval" : "Reports need no approval",
            before,
            approvalRequired));
    redirect.addFlashAttribute("saved", true);
    return "redirect:/reports/settings";
  }

  private boolean approvalRequired(Actor actor) {
    return jdbc.sql(
            "select approval_required from reporting_setting where organisation_id = :organisation")
        .param("organisation", actor.organisation().value())
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  private List<PersonSummary> approvers(Actor actor) {
    return directory.activeMembersHolding(actor.organisation(), Set.of(Capability.APPROVE));
  }

  private void requireAdministrator(Actor actor) {
    if (!access.can(actor, Capability.ADMINISTER_ORGANISATION)) {
      throw new AccessDeniedException("only the organisation's administrators");
    }
  }
}
