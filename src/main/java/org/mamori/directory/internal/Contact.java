package org.mamori.directory.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/** A way to reach an organisation, such as its 24-hour desk. */
@Table("organisation_contact")
record Contact(
    UUID id, String label, @Nullable String email, @Nullable String phone, int position) {

  static Contact of(String label, @Nullable String email, @Nullable String phone, int position) {
    return new Contact(UUID.randomUUID(), label, email, phone, position);
  }
}
