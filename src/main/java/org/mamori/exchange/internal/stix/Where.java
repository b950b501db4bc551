package org.mamori.exchange.internal.stix;

import org.jspecify.annotations.Nullable;

/**
 * A place inside a STIX object, built as the validator descends and rendered only when a problem
 * needs it: {@code external_references[0].url}; the object itself is the empty path.
 */
record Where(@Nullable Where parent, @Nullable String property, int index) {

  static final Where OBJECT = new Where(null, null, -1);

  Where at(String name) {
    return new Where(this, name, -1);
  }

  Where at(int position) {
    return new Where(this, null, position);
  }

  /** The last property name on the way here, for messages that name the property. */
  String name() {
    for (Where where = this; where != null; where = where.parent) {
      if (where.property != null) {
        return where.property;
      }
    }
    return "";
  }

  @Override
  public String toString() {
    if (parent == null) {
      return "";
    }
    String before = parent.toString();
    if (property == null) {
      return before + "[" + index + "]";
    }
    return before.isEmpty() ? property : before + "." + property;
  }
}
