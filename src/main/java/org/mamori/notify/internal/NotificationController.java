package org.mamori.notify.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mamori.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A person's notices: the list (unread or all), marking them read, and the live stream the page
 * script listens to. Everyone sees only their own.
 */
@Controller
@RequestMapping("/notifications")
class NotificationController {

  static final int PAGE_SIZE = 30;

  /** Which notices the list shows. */
  enum Show {
    UNREAD,
    ALL
  }

  private final Inbox inbox;
  private final NotificationViews views;
  private final NotificationReading reading;
  private final LiveNotifications live;

  NotificationController(
      Inbox inbox, NotificationViews views, NotificationReading reading, LiveNotifications live) {
    this.inbox = inbox;
    this.views = views;
    this.reading = reading;
    this.live = live;
  }

  @GetMapping
  String list(
      @RequestParam(defaultValue = "UNREAD") Show show,
      @RequestParam(defaultValue = "0") int page,
      Actor actor,
      Locale locale,
      Model model) {
    fill(model, show, page, actor, locale);
    return "notify/notifications";
  }

  /** The list alone, for the page script to refresh it when a notice arrives. */
  @GetMapping("/list")
  String listOnly(
      @RequestParam(defaultValue = "UNREAD") Show show,
      @RequestParam(defaultValue = "0") int page,
      Actor actor,
      Locale locale,
      Model model) {
    fill(model, show, page, actor, locale);
    return "notify/notifications :: list";
  }

  @PostMapping("/{id}/read")
  String markRead(
      @PathVariable UUID id, @RequestParam(defaultValue = "UNREAD") Show show, Actor actor) {
    StoredNotification notification =
        inbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    reading.markRead(actor, notification);
    return "redirect:/notifications?show=" + show;
  }

  @PostMapping("/read-all")
  String markAllRead(@RequestParam(defaultValue = "UNREAD") Show show, Actor actor) {
    reading.markAllRead(actor);
    return "redirect:/notifications?show=" + show;
  }

  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(Actor actor, Locale locale) {
    return live.open(actor.person(), locale);
  }

  private void fill(Model model, Show show, int page, Actor actor, Locale locale) {
    int current = Math.max(0, page);
    List<StoredNotification> found =
        inbox.of(actor.person(), show == Show.UNREAD, current * PAGE_SIZE, PAGE_SIZE + 1);
    model.addAttribute(
        "notifications", views.of(found.subList(0, Math.min(found.size(), PAGE_SIZE)), locale));
    model.addAttribute("hasNext", found.size() > PAGE_SIZE);
    model.addAttribute("page", current);
    model.addAttribute("show", show);
    model.addAttribute("unread", inbox.unread(actor.person()));
  }
}
