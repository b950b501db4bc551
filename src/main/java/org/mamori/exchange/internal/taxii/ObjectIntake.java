package org.mamori.exchange.internal.taxii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mamori.exchange.internal.stix.TlpMarkings;
import org.mamori.exchange.internal.store.ObjectCheck;
import org.mamori.exchange.internal.store.StixObjects.NewVersion;
import org.mamori.exchange.internal.store.Timestamps;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What every way in for STIX objects shares, whether posted to Mamori's TAXII server or received
 * from a subscription: the same check before anything is stored, the same reading of an object's
 * marking, and the same version kept in the store.
 */
@Component
public class ObjectIntake {

  private final ObjectCheck check;

  ObjectIntake(ObjectCheck check) {
    this.check = check;
  }

  /** What is wrong with the object, in the current language; empty when it may be stored. */
  public List<String> problems(JsonNode object) {
    return check.problems(object, LocaleContextHolder.getLocale());
  }

  /**
   * What is wrong with each object, in the current language, in the same order; the objects are
   * checked side by side on the machine's cores, since a large envelope is mostly checking.
   */
  public List<List<String>> problems(List<JsonNode> objects) {
    Locale locale = LocaleContextHolder.getLocale();
    return objects.parallelStream().map(object -> check.problems(object, locale)).toList();
  }

  /**
   * The strictest TLP marking among the object's {@code object_marking_refs}, else the collection's
   * default: an unmarked object is never taken for CLEAR.
   */
  public static Tlp marking(JsonNode object, Tlp collectionDefault) {
    List<String> refs = new ArrayList<>();
    for (JsonNode ref : object.path("object_marking_refs")) {
      refs.add(ref.asString());
    }
    return TlpMarkings.strictestOf(refs).orElse(collectionDefault);
  }

  /**
   * The version to store of an object that passed {@link #problems}.
   *
   * @param namedRecipients at TLP:RED, the people it is for
   */
  public static NewVersion version(
      JsonNode object, Tlp tlp, OrganisationId originator, Set<PersonId> namedRecipients) {
    return version(PostedObject.of(object), tlp, originator, namedRecipients);
  }

  /** The version to store of a posted object that passed {@link #problems}, with its own text. */
  public static NewVersion version(
      PostedObject posted, Tlp tlp, OrganisationId originator, Set<PersonId> namedRecipients) {
    JsonNode object = posted.tree();
    Optional<String> versionText = versionText(object);
    return new NewVersion(
        object.get("id").stringValue(),
        object.get("type").stringValue(),
        object.get("spec_version").stringValue(),
        versionText.flatMap(Timestamps::parse).orElse(null),
        versionText.orElse(null),
        tlp,
        originator,
        namedRecipients,
        object.path("revoked").asBoolean(false),
        posted.json(),
        null,
        null);
  }

  /** TAXII: an object's version is its modified, else its created. */
  public static Optional<String> versionText(JsonNode object) {
    return string(object, "modified").or(() -> string(object, "created"));
  }

  public static Optional<String> string(JsonNode object, String property) {
    JsonNode value = object.get(property);
    return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
  }
}
