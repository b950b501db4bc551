package org.mamori.exchange.internal.stix;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The verdict on a bundle or TAXII envelope: problems with the envelope itself, and for every
 * object (by its index in {@code objects}) its problems and the references it makes that nothing
 * valid in this batch provides. An object with problems is rejected on its own; references that do
 * not resolve are not problems (a batch may refer to objects sent earlier), but tell the caller
 * what it has to find elsewhere.
 */
public record BundleCheck(List<StixProblem> envelopeProblems, List<ObjectCheck> objects) {

  public BundleCheck {
    envelopeProblems = List.copyOf(envelopeProblems);
    objects = List.copyOf(objects);
  }

  /** One object of the batch: where it is, what it claims to be, what is wrong with it. */
  public record ObjectCheck(
      int index,
      @Nullable String id,
      List<StixProblem> problems,
      List<UnresolvedReference> unresolvedReferences) {

    public ObjectCheck {
      problems = List.copyOf(problems);
      unresolvedReferences = List.copyOf(unresolvedReferences);
    }

    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /** A reference (at {@code path} in the object) to an id no valid object of the batch has. */
  public record UnresolvedReference(String path, String id) {}

  /** Whether the envelope and every object in it are valid. */
  public boolean valid() {
    return envelopeProblems.isEmpty() && objects.stream().allMatch(ObjectCheck::valid);
  }

  /** The objects to reject, each with its reasons. */
  public List<ObjectCheck> rejected() {
    return objects.stream().filter(object -> !object.valid()).toList();
  }

  /** Whether every reference in the valid objects points at a valid object of this batch. */
  public boolean referencesResolve() {
    return objects.stream()
        .filter(ObjectCheck::valid)
        .allMatch(object -> object.unresolvedReferences().isEmpty());
  }
}
