package org.mamori.directory;

/**
 * What a person may do for an organisation. Roles (data) bundle capabilities; a membership holds
 * roles.
 */
public enum Capability {
  /** File reports (情報連絡). */
  REPORT,
  /** Approve reports before they leave the organisation. */
  APPROVE,
  /** Receive, assess and forward reports; issue advisories (情報提供). */
  RELAY,
  /** Read and analyse shared information and trends. */
  ANALYSE,
  /** Judge the situation level and confirm escalations. */
  DUTY_OFFICER,
  /** Manage the organisation's own details and people. */
  ADMINISTER_ORGANISATION,
  /** Manage all of Mamori: sectors, organisations, the sharing map, settings. */
  ADMINISTER_PLATFORM,
  /** Read, verify and export the audit trail. */
  AUDIT
}
