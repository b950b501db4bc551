package org.mamori.exchange.internal.misp;

/**
 * Why a piece of MISP data did not travel, each with the key of its message in {@code
 * i18n/messages_misp_*.properties}. The arguments each message takes are listed per constant.
 */
public enum MispReason {
  /** {0} type, {1} value. */
  TYPE_NOT_MAPPED("misp.problem.typeNotMapped"),
  /** {0} type, {1} value. */
  VALUE_INVALID("misp.problem.valueInvalid"),
  /** {0} the missing field, {1} type, {2} value. */
  ATTRIBUTE_INCOMPLETE("misp.problem.attributeIncomplete"),
  /** {0} object name. */
  OBJECT_UUID_MISSING("misp.problem.objectUuidMissing"),
  /** {0} object name. */
  OBJECT_NOT_MAPPED("misp.problem.objectNotMapped"),
  /** {0} object name. */
  OBJECT_INCOMPLETE("misp.problem.objectIncomplete"),
  /** {0} object name, {1} object_relation, {2} value. */
  RELATION_NOT_MAPPED("misp.problem.relationNotMapped"),
  /** {0} object name, {1} object_relation, {2} value. */
  RELATION_TAKEN("misp.problem.relationTaken"),
  /** {0} relationship_type, {1} referenced_uuid. */
  REFERENCE_NOT_MAPPED("misp.problem.referenceNotMapped"),
  /** {0} what the parser said. */
  NOT_JSON("misp.event.notJson"),
  /** No arguments. */
  NOT_AN_EVENT("misp.event.notAnEvent"),
  /** {0} field name. */
  EVENT_FIELD_INVALID("misp.event.fieldInvalid"),
  /** No arguments. */
  EVENT_EMPTY("misp.event.empty"),
  /** {0} what went wrong. */
  MANIFEST_UNREADABLE("misp.feed.manifestUnreadable"),
  /** {0} manifest key. */
  MANIFEST_ENTRY_INVALID("misp.feed.entryInvalid"),
  /** {0} file name. */
  EVENT_FILE_UNREADABLE("misp.feed.eventFileUnreadable"),
  /** {0} uuid in the manifest, {1} uuid in the file. */
  EVENT_UUID_MISMATCH("misp.feed.uuidMismatch"),
  /** {0} the most megabytes an upload may hold. */
  UPLOAD_TOO_LARGE("misp.upload.tooLarge"),
  /** {0} file name. */
  ZIP_UNREADABLE("misp.upload.zipUnreadable"),
  /** {0} file name. */
  ZIP_WITHOUT_EVENTS("misp.upload.zipWithoutEvents"),
  /** No arguments. */
  NO_REPORT("misp.export.noReport"),
  /** {0} STIX id, {1} pattern. */
  PATTERN_NOT_EXPRESSIBLE("misp.export.patternNotExpressible"),
  /** {0} STIX id. */
  OBSERVATION_NOT_EXPRESSIBLE("misp.export.observationNotExpressible"),
  /** {0} STIX id, {1} STIX type. */
  TYPE_NOT_EXPRESSIBLE("misp.export.typeNotExpressible"),
  /** {0} STIX id. */
  REFERENCE_MISSING("misp.export.referenceMissing"),
  /** {0} STIX id, {1} relationship_type. */
  RELATIONSHIP_NOT_EXPRESSIBLE("misp.export.relationshipNotExpressible");

  private final String messageKey;

  MispReason(String messageKey) {
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
