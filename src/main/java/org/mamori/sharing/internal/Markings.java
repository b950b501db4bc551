package org.mamori.sharing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mamori.access.AccessPolicy;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.Tlp;
import org.mamori.sharing.MarkingChanged;
import org.mamori.sharing.SharedItems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Changing a marking, the same way for every shared item: anyone who holds it may make it stricter;
 * only its originator may loosen it. Every change is audited.
 */
@Component
class Markings {

  private final AccessPolicy access;
  private final ApplicationEventPublisher events;

  Markings(AccessPolicy access, ApplicationEventPublisher events) {
    this.access = access;
    this.events = events;
  }

  /** The markings the actor may change the item to. */
  List<Tlp> choices(Actor actor, Marked item) {
    boolean mayLoosen = access.mayLoosen(actor, item.disclosure());
    List<Tlp> choices = new ArrayList<>();
    for (Tlp marking : Tlp.values()) {
      if (marking != item.tlp() && (marking.isStricterThan(item.tlp()) || mayLoosen)) {
        choices.add(marking);
      }
    }
    return choices;
  }

  /**
   * Changes the marking, recorded as {@code sharing.<kind>.marked} and announced as {@link
   * MarkingChanged}.
   *
   * @throws SharingRuleViolation when someone other than the originator tries to loosen it
   */
  void change(Actor by, Marked item, Tlp marking, String kind) {
    if (marking == item.tlp()) {
      return;
    }
    Tlp before = item.tlp();
    if (marking.isStricterThan(before)) {
      item.markStricter(marking);
    } else {
      if (!access.mayLoosen(by, item.disclosure())) {
        throw new SharingRuleViolation("marking.onlyOriginatorLoosens");
      }
      item.loosen(marking);
    }
    events.publishEvent(
        new AuditableChange(
            by,
            "sharing." + kind + ".marked",
            kind,
            item.id().toString(),
            item.reference() + ": " + before.label() + " → " + marking.label(),
            before,
            marking));
    events.publishEvent(
        new MarkingChanged(
            new SharedItems.ItemRef(
                SharedItems.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), item.id()),
            item.reference(),
            before,
            marking));
  }
}
