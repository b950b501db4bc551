package org.mamori.sharing.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The report taxonomy as platform administrators keep it: every list with its entries, a page to
 * add an entry, and one per entry to change its words and order or to retire it.
 */
@Controller
@RequestMapping("/reports/taxonomy")
class TaxonomyController {

  private final Taxonomy taxonomy;
  private final TaxonomyEditing editing;
  private final AccessPolicy access;

  TaxonomyController(Taxonomy taxonomy, TaxonomyEditing editing, AccessPolicy access) {
    this.taxonomy = taxonomy;
    this.editing = editing;
    this.access = access;
  }

  /** One list and its entries, retired ones included. */
  record Section(TaxonomyList list, List<Taxonomy.Option> entries) {}

  /** An entry as typed, kept whole when the page is shown again with errors. */
  record EntryForm(
      @Nullable String code,
      @Nullable String group,
      @NotBlank @Size(max = 100) @Nullable String nameJa,
      @Size(max = 100) @Nullable String nameEn,
      @Size(max = 300) @Nullable String hintJa,
      @Size(max = 300) @Nullable String hintEn,
      @Nullable String order) {

    static EntryForm of(Taxonomy.Option entry) {
      return new EntryForm(
          entry.code(),
          entry.group(),
          entry.name().ja(),
          entry.name().en(),
          entry.hintJa(),
          entry.hintEn(),
          String.valueOf(entry.order()));
    }

    /** The words as typed, or null after recording why they cannot be used. */
    TaxonomyEditing.@Nullable Wording wording(BindingResult errors) {
      Integer number = null;
      try {
        number = Integer.valueOf(order == null ? "" : order.strip());
      } catch (NumberFormatException notANumber) {
        errors.rejectValue("order", "taxonomy.order.invalid");
      }
      if (errors.hasErrors() || number == null) {
        return null;
      }
      return new TaxonomyEditing.Wording(
          new LocalizedText(Objects.requireNonNull(nameJa), nameEn),
          hintJa == null ? "" : hintJa,
          hintEn == null ? "" : hintEn,
          number);
    }
  }

  @GetMapping
  String overview(Actor actor, Model model) {
    requireAdministrator(actor);
    model.addAttribute(
        "sections",
        Arrays.stream(TaxonomyList.values())
            .map(list -> new Section(list, taxonomy.options(list)))
            .toList());
    return "sharing/taxonomy";
  }

  @GetMapping("/new/{list}")
  String newEntry(@PathVariable("list") String slug, Actor actor, Model model) {
    requireAdministrator(actor);
    TaxonomyList list = list(slug);
    int next = taxonomy.options(list).stream().mapToInt(Taxonomy.Option::order).max().orElse(0) + 1;
    model.addAttribute(
        "entryForm",
        new EntryForm(
            "", "", "", "", "", "", String.valueOf(Math.min(next, TaxonomyEditing.LAST_ORDER))));
    return page(list, null, model);
  }

  @PostMapping("/{list}")
  String add(
      @PathVariable("list") String slug,
      @Valid @ModelAttribute("entryForm") EntryForm form,
      BindingResult errors,
      Actor actor,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    TaxonomyList list = list(slug);
    String code = form.code() == null ? "" : form.code().strip();
    String group = form.group() == null ? "" : form.group();
    // The editing checks these too; checked here as well, every mistake is named at once.
    if (code.isEmpty()) {
      errors.rejectValue("code", "taxonomy.code.required");
    } else if (!TaxonomyEditing.CODE.matcher(code).matches()) {
      errors.rejectValue("code", "taxonomy.code.invalid");
    }
    if (list.grouped() && !list.groups().contains(group)) {
      errors.rejectValue("group", "taxonomy.group.required");
    }
    TaxonomyEditing.Wording wording = form.wording(errors);
    if (wording != null) {
      try {
        editing.add(actor, list, code, group, wording);
        return done(
            redirect, "added", wording.name().in(locale), "redirect:/reports/taxonomy#" + slug);
      } catch (SharingRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return page(list, null, model);
  }

  @GetMapping("/{list}/{code}")
  String entry(
      @PathVariable("list") String slug, @PathVariable String code, Actor actor, Model model) {
    requireAdministrator(actor);
    TaxonomyList list = list(slug);
    Taxonomy.Option entry = entry(list, code);
    model.addAttribute("entryForm", EntryForm.of(entry));
    return page(list, entry, model);
  }

  @PostMapping("/{list}/{code}")
  String change(
      @PathVariable("list") String slug,
      @PathVariable String code,
      @Valid @ModelAttribute("entryForm") EntryForm form,
      BindingResult errors,
      Actor actor,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    TaxonomyList list = list(slug);
    Taxonomy.Option entry = entry(list, code);
    TaxonomyEditing.Wording wording = form.wording(errors);
    if (wording != null) {
      try {
        editing.change(actor, list, code, wording);
        return done(
            redirect, "changed", wording.name().in(locale), "redirect:/reports/taxonomy#" + slug);
      } catch (SharingRuleViolation rule) {
        rule.rejectIn(errors);
      }
    }
    return page(list, entry, model);
  }

  @PostMapping("/{list}/{code}/retirement")
  String retire(
      @PathVariable("list") String slug,
      @PathVariable String code,
      @RequestParam boolean retired,
      Actor actor,
      Locale locale,
      RedirectAttributes redirect) {
    requireAdministrator(actor);
    TaxonomyList list = list(slug);
    Taxonomy.Option entry = entry(list, code);
    String back = "redirect:/reports/taxonomy/" + slug + "/" + code;
    try {
      editing.retire(actor, list, code, retired);
    } catch (SharingRuleViolation rule) {
      redirect.addFlashAttribute("problem", rule.messageKey());
      return back;
    }
    return done(redirect, retired ? "retired" : "reinstated", entry.name().in(locale), back);
  }

  private String page(TaxonomyList list, Taxonomy.@Nullable Option entry, Model model) {
    model.addAttribute("list", list);
    model.addAttribute("entry", entry);
    return "sharing/taxonomy-entry";
  }

  /** Says what was done on the next page; the session keeps only plain text, in one language. */
  private static String done(RedirectAttributes redirect, String what, String name, String target) {
    redirect.addFlashAttribute("done", what);
    redirect.addFlashAttribute("doneName", name);
    return target;
  }

  private TaxonomyList list(String slug) {
    return TaxonomyList.bySlug(slug)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private Taxonomy.Option entry(TaxonomyList list, String code) {
    return Taxonomy.find(taxonomy.options(list), code)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private void requireAdministrator(Actor actor) {
    if (!access.can(actor, Capability.ADMINISTER_PLATFORM)) {
      throw new AccessDeniedException("only platform administrators edit the report taxonomy");
    }
  }
}
