package org.mamori.audit;

/** Checks the audit trail. Entries are appended by listening to {@code AuditableChange}. */
public interface AuditTrail {

  ChainVerification verify();
}
