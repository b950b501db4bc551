package org.mamori.notify.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person chooses which notices they get, where, and the language of their e-mails. */
@Controller
@RequestMapping("/notifications/preferences")
class PreferenceController {

  /** The form as sent: the kinds ticked in each column, and a language. */
  record PreferencesForm(
      @Nullable List<String> inApp, @Nullable List<String> email, @Nullable String language) {

    static PreferencesForm of(PreferenceSet set) {
      return new PreferencesForm(
          set.inApp().stream().map(Enum::name).toList(),
          set.email().stream().map(Enum::name).toList(),
          set.language().name());
    }

    Set<NotificationKind> shownInApp() {
      return kinds(inApp);
    }

    Set<NotificationKind> emailed() {
      return kinds(email);
    }

    /** Unknown values count as not ticked: the page offers only the kinds there are. */
    private static Set<NotificationKind> kinds(@Nullable List<String> names) {
      Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
      if (names != null) {
        for (NotificationKind kind : NotificationKind.values()) {
          if (names.contains(kind.name())) {
            kinds.add(kind);
          }
        }
      }
      return kinds;
    }
  }

  private final PreferenceSettings preferences;
  private final MailChannel mail;

  PreferenceController(PreferenceSettings preferences, MailChannel mail) {
    this.preferences = preferences;
    this.mail = mail;
  }

  @GetMapping
  String show(Actor actor, Model model) {
    model.addAttribute("form", PreferencesForm.of(preferences.of(actor.person())));
    return page(model);
  }

  @PostMapping
  String choose(
      @ModelAttribute("form") PreferencesForm form,
      BindingResult errors,
      Actor actor,
      Model model,
      RedirectAttributes redirect) {
    PreferenceSet.Language language = language(form.language());
    if (language == null) {
      errors.rejectValue("language", "notify.preferences.language.required");
      return page(model);
    }
    preferences.choose(actor, form.shownInApp(), form.emailed(), language);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/notifications/preferences";
  }

  private String page(Model model) {
    model.addAttribute("kinds", NotificationKind.choosable());
    model.addAttribute("languages", PreferenceSet.Language.values());
    model.addAttribute("mailConfigured", mail.configured());
    return "notify/preferences";
  }

  private static PreferenceSet.@Nullable Language language(@Nullable String name) {
    for (PreferenceSet.Language language : PreferenceSet.Language.values()) {
      if (language.name().equals(name)) {
        return language;
      }
    }
    return null;
  }
}
