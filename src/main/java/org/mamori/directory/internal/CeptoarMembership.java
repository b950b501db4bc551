package org.mamori.directory.internal;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** An operator's membership of a CEPTOAR. */
@Table("ceptoar_membership")
record CeptoarMembership(UUID ceptoarId) {}
