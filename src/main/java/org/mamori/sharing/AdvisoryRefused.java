package org.mamori.sharing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An advisory the sharing rules refuse, with a message key (in the advisories bundle) a page shows
 * in its reader's language, and the field of the request it is about, where there is one ({@code
 * acknowledgeBy}, {@code tlp}, …).
 */
public class AdvisoryRefused extends RuntimeException {

  private final String messageKey;
  private final @Nullable String field;
  private final List<Object> arguments;

  public AdvisoryRefused(String messageKey, @Nullable String field, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.field = field;
    this.arguments = List.of(arguments);
  }

  public String messageKey() {
    return messageKey;
  }

  public @Nullable String field() {
    return field;
  }

  public Object[] arguments() {
    return arguments.toArray();
  }
}
