package org.mamori.sharing.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.LocalizedText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform administrators keep the report taxonomy: they add entries, change their words and order,
 * and retire them. Entries are never deleted, since reports keep their codes.
 */
@Service
@Transactional
class TaxonomyEditing {

  /** Lowercase letters, digits and inner hyphens: safe in addresses, CSV cells and the API. */
  static final Pattern CODE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

  static final int LAST_ORDER = 9999;

  private final Taxonomy taxonomy;
  private final AccessPolicy access;
  private final ApplicationEventPublisher events;

  TaxonomyEditing(Taxonomy taxonomy, AccessPolicy access, ApplicationEventPublisher events) {
    this.taxonomy = taxonomy;
    this.access = access;
    this.events = events;
  }

  /** The words an administrator may change on an entry. */
  record Wording(LocalizedText name, String hintJa, String hintEn, int order) {}

  /** Adds an entry, offered on the report form at once. */
  void add(Actor by, TaxonomyList list, String code, String group, Wording wording) {
    requireAdministrator(by);
    if (!CODE.matcher(code).matches()) {
      throw new SharingRuleViolation("taxonomy.code.invalid").on("code");
    }
    if (list.grouped() && !list.groups().contains(group)) {
      throw new SharingRuleViolation("taxonomy.group.required").on("group");
    }
    List<Taxonomy.Option> current = taxonomy.options(list);
    if (Taxonomy.find(current, code).isPresent()) {
      throw new SharingRuleViolation("taxonomy.code.taken", code).on("code");
    }
    Taxonomy.Option entry = entry(code, list.grouped() ? group : "", wording, false);
    requireDistinctNames(current, entry);
    taxonomy.add(list, entry);
    audit(by, "sharing.taxonomy.added", list, null, entry, "added");
  }

  /** Changes an entry's names, hints and order; its code and group stay. */
  void change(Actor by, TaxonomyList list, String code, Wording wording) {
    requireAdministrator(by);
    List<Taxonomy.Option> current = taxonomy.options(list);
    Taxonomy.Option before = existing(current, code);
    Taxonomy.Option after = entry(code, before.group(), wording, before.retired());
    requireDistinctNames(current, after);
    if (!after.equals(before)) {
      taxonomy.update(list, after);
      audit(by, "sharing.taxonomy.changed", list, before, after, "changed");
    }
  }

  /**
   * Retires an entry, or offers it again. A retired entry is refused for new reports and versions;
   * the reports that chose it still show its name and the statistics still count it.
   */
  void retire(Actor by, TaxonomyList list, String code, boolean retired) {
    requireAdministrator(by);
    List<Taxonomy.Option> current = taxonomy.options(list);
    Taxonomy.Option before = existing(current, code);
    if (before.retired() == retired) {
      return;
    }
    if (retired && Taxonomy.offered(current).size() == 1) {
      throw new SharingRuleViolation("taxonomy.retire.last");
    }
    Taxonomy.Option after =
        new Taxonomy.Option(
            before.code(),
            before.group(),
            before.name(),
            before.hintJa(),
            before.hintEn(),
            before.order(),
            retired);
    taxonomy.update(list, after);
    audit(
        by,
        retired ? "sharing.taxonomy.retired" : "sharing.taxonomy.reinstated",
        list,
        before,
        after,
        retired ? "retired" : "offered again");
  }

  private static Taxonomy.Option entry(
      String code, String group, Wording wording, boolean retired) {
    if (wording.order() < 1 || wording.order() > LAST_ORDER) {
      throw new SharingRuleViolation("taxonomy.order.invalid").on("order");
    }
    return new Taxonomy.Option(
        code,
        group,
        new LocalizedText(wording.name().ja().strip(), wording.name().en().strip()),
        wording.hintJa().strip(),
        wording.hintEn().strip(),
        wording.order(),
        retired);
  }

  /** Two entries of one list with one name could not be told apart on the form or in statistics. */
  private static void requireDistinctNames(List<Taxonomy.Option> current, Taxonomy.Option entry) {
    for (Taxonomy.Option other : current) {
      if (other.code().equals(entry.code())) {
        continue;
      }
      if (other.name().ja().equals(entry.name().ja())) {
        throw new SharingRuleViolation("taxonomy.name.taken", entry.name().ja()).on("nameJa");
      }
      if (!entry.name().en().isEmpty() && other.name().en().equalsIgnoreCase(entry.name().en())) {
        throw new SharingRuleViolation("taxonomy.name.taken", entry.name().en()).on("nameEn");
      }
    }
  }

  private static Taxonomy.Option existing(List<Taxonomy.Option> current, String code) {
    return Taxonomy.find(current, code)
        .orElseThrow(() -> new SharingRuleViolation("taxonomy.entry.unknown", code));
  }

  private void requireAdministrator(Actor by) {
    if (!access.can(by, Capability.ADMINISTER_PLATFORM)) {
      throw new AccessDeniedException("only platform administrators edit the report taxonomy");
    }
  }

  private void audit(
      Actor by,
      String action,
      TaxonomyList list,
      Taxonomy.@Nullable Option before,
      Taxonomy.Option after,
      String what) {
    events.publishEvent(
        new AuditableChange(
            by,
            action,
            list.subjectType(),
            after.code(),
            list.subjectType() + " " + after.code() + " " + what,
            before,
            after));
  }
}
