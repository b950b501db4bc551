package org.mamori.sharing.internal;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A person a TLP:RED advisory is addressed to. */
@Table("advisory_red_recipient")
record AdvisoryRedRecipient(UUID personId) {}
