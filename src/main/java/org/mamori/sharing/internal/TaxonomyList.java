package org.mamori.sharing.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The three lists of the report taxonomy, each kept in a table of its own: where it is kept, how it
 * is grouped and whether its entries carry a hint. One strategy edits and reads all three. (What
 * the pages read is public: templates reach it by reflection.)
 */
enum TaxonomyList {
  EVENT_TYPES(
      "event-types",
      "event-type",
      "event_type",
      "threat_group",
      List.of("NOT_OCCURRED", "CONFIDENTIALITY", "INTEGRITY", "AVAILABILITY", "LEADS_TO", "OTHER"),
      "trends.threat.",
      true),
  CAUSES(
      "causes",
      "cause",
      "cause",
      "cause_group",
      List.of("INTENTIONAL", "ACCIDENTAL", "ENVIRONMENTAL", "OTHER"),
      "reportForm.causeGroup.",
      false),
  IMPACTS("impacts", "impact", "impact", null, List.of(), "", true);

  private final String slug;
  private final String subjectType;
  private final String table;
  private final @Nullable String groupColumn;
  private final List<String> groups;
  private final String groupMessagePrefix;
  private final boolean hinted;

  TaxonomyList(
      String slug,
      String subjectType,
      String table,
      @Nullable String groupColumn,
      List<String> groups,
      String groupMessagePrefix,
      boolean hinted) {
    this.slug = slug;
    this.subjectType = subjectType;
    this.table = table;
    this.groupColumn = groupColumn;
    this.groups = groups;
    this.groupMessagePrefix = groupMessagePrefix;
    this.hinted = hinted;
  }

  /** The list's name in addresses ({@code /reports/taxonomy/event-types/...}). */
  public String slug() {
    return slug;
  }

  /** What the audit trail calls one entry of the list. */
  String subjectType() {
    return subjectType;
  }

  String table() {
    return table;
  }

  /** The column holding an entry's group; null for a list without groups. */
  @Nullable String groupColumn() {
    return groupColumn;
  }

  /** The groups an entry may belong to, in the order the lists show them; empty if ungrouped. */
  public List<String> groups() {
    return groups;
  }

  public boolean grouped() {
    return !groups.isEmpty();
  }

  /** Whether entries carry a plain-words hint under their name. */
  public boolean hinted() {
    return hinted;
  }

  /** The message key naming a group of this list. */
  public String groupMessage(String group) {
    return groupMessagePrefix + group;
  }

  /** A group's place in the list; lists show entries group by group. */
  int rank(String group) {
    return groups.indexOf(group);
  }

  static Optional<TaxonomyList> bySlug(String slug) {
    for (TaxonomyList list : values()) {
      if (list.slug.equals(slug)) {
        return Optional.of(list);
      }
    }
    return Optional.empty();
  }
}
