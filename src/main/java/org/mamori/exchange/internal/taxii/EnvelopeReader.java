package org.mamori.exchange.internal.taxii;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a posted TAXII envelope into its objects, each with its text exactly as posted; 422 for
 * anything that is not an envelope of well-formed JSON.
 *
 * <p>Parsing is most of the work of a large POST, so it is shared between the machine's cores: one
 * quick pass over the bytes finds where each member and each object lies (brackets, commas and
 * string ends only), then every piece is parsed in full by Jackson, the objects side by side. Every
 * byte of the envelope ends up either checked by that pass (the punctuation between pieces) or
 * parsed by Jackson (the pieces). Duplicate member names are refused at every level: the stored
 * text must mean what was checked.
 */
final class EnvelopeReader {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final byte[] body;
  private int at;

  private EnvelopeReader(byte[] body) {
    this.body = body;
  }

  /** The envelope's objects, in order. */
  static List<PostedObject> objects(byte[] body) {
    List<Span> spans = new EnvelopeReader(body).objectSpans();
    try {
      return spans.parallelStream()
          .map(
              span -> {
                byte[] json = Arrays.copyOfRange(body, span.from(), span.to());
                return new PostedObject(JSON.readTree(json), json);
              })
          .toList();
    } catch (JacksonException notJson) {
      throw notJson();
    }
  }

  /** Where a piece of the envelope lies: bytes {@code from} up to {@code to}. */
  private record Span(int from, int to) {}

  private List<Span> objectSpans() {
    @Nullable List<Span> objects = null;
    skipByteOrderMark();
    if (next() != '{') {
      // Some other JSON (or none): the whole body says which.
      parsed(new Span(at, body.length));
      throw new TaxiiException(HttpStatus.UNPROCESSABLE_CONTENT, "taxii.error.envelope");
    }
    at++;
    Set<String> names = new HashSet<>();
    if (next() == '}') {
      at++;
    } else {
      while (true) {
        JsonNode nameNode = parsed(value());
        String name = nameNode.stringValue();
        if (!nameNode.isString() || !names.add(name)) {
          throw notJson();
        }
        expect(':');
        if (name.equals("objects") && next() == '[') {
          objects = elements();
        } else {
          parsed(value());
        }
        byte after = next();
        at++;
        if (after == '}') {
          break;
        }
        if (after != ',') {
          throw notJson();
        }
      }
    }
    if (next() != 0 || at < body.length) {
      throw notJson();
    }
    if (objects == null || objects.isEmpty()) {
      throw new TaxiiException(HttpStatus.UNPROCESSABLE_CONTENT, "taxii.error.envelope");
    }
    return objects;
  }

  /** The elements of the array that starts here; each is parsed later. */
  private List<Span> elements() {
    at++;
    List<Span> elements = new ArrayList<>();
    if (next() == ']') {
      at++;
      return elements;
    }
    while (true) {
      elements.add(value());
      byte after = next();
      at++;
      if (after == ']') {
        return elements;
      }
      if (after != ',') {
        throw notJson();
      }
    }
  }

  /** The value that starts at the next non-blank byte: a string, an object, an array or a word. */
  private Span value() {
    int from = at + whitespace(at);
    at = from;
    if (at >= body.length) {
      throw notJson();
    }
    switch (body[at]) {
      case '"' -> at = endOfString(at);
      case '{', '[' -> at = endOfNested(at);
      case '}', ']', ',', ':' -> throw notJson();
      default -> {
        // true, false, null or a number: Jackson judges the word itself
        while (at < body.length && !isDelimiter(body[at])) {
          at++;
        }
      }
    }
    return new Span(from, at);
  }

  private int endOfString(int quote) {
    int i = quote + 1;
    while (i < body.length) {
      byte b = body[i];
      if (b == '"') {
        return i + 1;
      }
      i += b == '\\' ? 2 : 1;
    }
    throw notJson();
  }

  private int endOfNested(int open) {
    int depth = 0;
    int i = open;
    while (i < body.length) {
      byte b = body[i];
      if (b == '"') {
        i = endOfString(i);
        continue;
      }
      if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
      i++;
    }
    throw notJson();
  }

  private static boolean isDelimiter(byte b) {
    return b == ',' || b == '}' || b == ']' || b == ':' || b == '"' || isBlank(b);
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  private int whitespace(int from) {
    int i = from;
    while (i < body.length && isBlank(body[i])) {
      i++;
    }
    return i - from;
  }

  /** The next non-blank byte (0 at the end), moving up to it. */
  private byte next() {
    at += whitespace(at);
    return at < body.length ? body[at] : 0;
  }

  private void expect(char punctuation) {
    if (next() != punctuation) {
      throw notJson();
    }
    at++;
  }

  private void skipByteOrderMark() {
    if (body.length >= 3
        && body[0] == (byte) 0xEF
        && body[1] == (byte) 0xBB
        && body[2] == (byte) 0xBF) {
      at = 3;
    }
  }

  private JsonNode parsed(Span span) {
    try {
      return JSON.readTree(Arrays.copyOfRange(body, span.from(), span.to()));
    } catch (JacksonException notJson) {
      throw notJson();
    }
  }

  private static TaxiiException notJson() {
    return new TaxiiException(HttpStatus.UNPROCESSABLE_CONTENT, "taxii.error.notJson");
  }
}
