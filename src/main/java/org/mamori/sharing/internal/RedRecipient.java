package org.mamori.sharing.internal;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A person a TLP:RED report is addressed to. */
@Table("report_red_recipient")
record RedRecipient(UUID personId) {}
