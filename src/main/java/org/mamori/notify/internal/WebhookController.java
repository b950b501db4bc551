package org.mamori.notify.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.PersonSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.Tlp;
import org.mamori.sharing.SharedItems;
import org.mamori.sharing.SharedItems.Notice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation's administrators set its webhook (URL and signing secret) and read its delivery
 * log. The log shows an item's reference only where the administrator may read the item.
 */
@Controller
@RequestMapping("/notifications/webhook")
class WebhookController {

  static final int LOG_SIZE = 50;

  /** The form as typed; the secret is never sent back to the browser. */
  record WebhookForm(@Nullable String url, @Nullable String secret) {}

  /** One line of the delivery log. */
  record LogLine(
      UUID id,
      String type,
      @Nullable String reference,
      @Nullable Tlp tlp,
      Instant createdAt,
      Delivery.State state,
      int attempts,
      String outcome,
      @Nullable Instant sentAt) {}

  private final WebhookAdministration administration;
  private final Deliveries deliveries;
  private final SharedItems items;
  private final Directory directory;

  WebhookController(
      WebhookAdministration administration,
      Deliveries deliveries,
      SharedItems items,
      Directory directory) {
    this.administration = administration;
    this.deliveries = deliveries;
    this.items = items;
    this.directory = directory;
  }

  @GetMapping
  String show(Actor actor, Model model) {
    model.addAttribute(
        "form",
        new WebhookForm(
            administration.of(actor).map(webhook -> webhook.url().toString()).orElse(""), ""));
    return page(actor, model);
  }

  @PostMapping
  String save(
      @ModelAttribute("form") WebhookForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    try {
      administration.save(
          actor, form.url() == null ? "" : form.url(), form.secret() == null ? "" : form.secret());
    } catch (NotifyRuleViolation rule) {
      rule.rejectIn(errors);
      return page(actor, model);
    }
    redirect.addFlashAttribute("done", "saved");
    return "redirect:/notifications/webhook";
  }

  @PostMapping("/remove")
  String remove(Actor actor, RedirectAttributes redirect) {
    administration.remove(actor);
    redirect.addFlashAttribute("done", "removed");
    return "redirect:/notifications/webhook";
  }

  private String page(Actor actor, Model model) {
    model.addAttribute(
        "webhook",
        administration
            .of(actor)
            .map(
                webhook ->
                    new WebhookView(
                        webhook.url().toString(),
                        directory
                            .person(webhook.configuredBy())
                            .map(PersonSummary::displayName)
                            .orElse(""),
                        webhook.configuredAt()))
            .orElse(null));
    model.addAttribute("log", log(actor));
    model.addAttribute("shortestSecret", WebhookAdministration.SHORTEST_SECRET);
    model.addAttribute("signatureHeader", WebhookSender.SIGNATURE);
    return "notify/webhook";
  }

  /**
   * What the page shows of the current webhook: never its secret.
   *
   * @param reader the name of the person on whose behalf the organisation's system is told
   */
  record WebhookView(String url, String reader, Instant configuredAt) {}

  private List<LogLine> log(Actor actor) {
    return deliveries.log(actor.organisation(), Delivery.Channel.WEBHOOK, LOG_SIZE).stream()
        .map(
            delivery -> {
              if (delivery.item() == null) {
                return new LogLine(
                    delivery.id(),
                    delivery.kind().eventType(delivery.variant()),
                    delivery.reference(),
                    NoticeTexts.SITUATION_MARKING,
                    delivery.createdAt(),
                    delivery.state(),
                    delivery.attempts(),
                    delivery.lastOutcome(),
                    delivery.sentAt());
              }
              Notice notice = items.noticeFor(delivery.item(), actor).orElse(null);
              return new LogLine(
                  delivery.id(),
                  delivery.kind().eventType(),
                  notice == null ? null : notice.reference(),
                  notice == null ? null : notice.tlp(),
                  delivery.createdAt(),
                  delivery.state(),
                  delivery.attempts(),
                  delivery.lastOutcome(),
                  delivery.sentAt());
            })
        .toList();
  }
}
