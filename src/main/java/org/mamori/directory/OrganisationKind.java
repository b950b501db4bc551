package org.mamori.directory;

/** What part an organisation plays in critical-infrastructure protection. */
public enum OrganisationKind {
  /** 重要インフラ事業者等. */
  OPERATOR,
  /** 所管省庁: the ministry responsible for one or more sectors. */
  SECTOR_MINISTRY,
  /** 情報セキュリティ関係省庁. */
  SECURITY_MINISTRY,
  /** 事案対処省庁 (police, defence). */
  INCIDENT_HANDLING_MINISTRY,
  /** 防災関係府省庁. */
  DISASTER_MINISTRY,
  /** 内閣官房 (事態対処・危機管理担当): the crisis-management office. */
  CRISIS_MANAGEMENT_OFFICE,
  /** 情報セキュリティ関係機関 (JPCERT/CC, IPA, NICT). */
  SECURITY_AGENCY,
  /** System, security and platform vendors (サイバー空間関連事業者). */
  VENDOR,
  /** セプター: a sector's information-sharing body. */
  CEPTOAR,
  /** セプターカウンシル. */
  CEPTOAR_COUNCIL,
  /** The national coordination centre; its name is data (NISC, later 国家サイバー統括室). */
  NATIONAL_HUB,
  /** A partner abroad (a national CERT, another country's CI agency). */
  INTERNATIONAL_PARTNER
}
