package org.mamori.sharing.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** A refused advisory the issuer can fix, pointing at the field to fix where there is one. */
class AdvisoryRuleViolation extends SharingRuleViolation {

  private final @Nullable String field;

  AdvisoryRuleViolation(String messageKey, @Nullable String field, Object... arguments) {
    super(messageKey, arguments);
    this.field = field;
  }

  @Override
  void rejectIn(Errors errors) {
    if (field == null) {
      super.rejectIn(errors);
    } else {
      errors.rejectValue(field, messageKey(), arguments(), messageKey());
    }
  }
}
