package org.mamori.exchange.internal.stix;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.stix.StixPattern.BooleanOperator;
import org.mamori.exchange.internal.stix.StixPattern.Comparison;
import org.mamori.exchange.internal.stix.StixPattern.ComparisonExpression;
import org.mamori.exchange.internal.stix.StixPattern.ComparisonJoin;
import org.mamori.exchange.internal.stix.StixPattern.ComparisonOperator;
import org.mamori.exchange.internal.stix.StixPattern.Constant;
import org.mamori.exchange.internal.stix.StixPattern.ConstantKind;
import org.mamori.exchange.internal.stix.StixPattern.Index;
import org.mamori.exchange.internal.stix.StixPattern.ObjectPath;
import org.mamori.exchange.internal.stix.StixPattern.Observation;
import org.mamori.exchange.internal.stix.StixPattern.ObservationExpression;
import org.mamori.exchange.internal.stix.StixPattern.ObservationJoin;
import org.mamori.exchange.internal.stix.StixPattern.ObservationOperator;
import org.mamori.exchange.internal.stix.StixPattern.PathStep;
import org.mamori.exchange.internal.stix.StixPattern.Property;
import org.mamori.exchange.internal.stix.StixPattern.Qualified;
import org.mamori.exchange.internal.stix.StixPattern.Qualifier;
import org.mamori.exchange.internal.stix.StixPattern.Repeats;
import org.mamori.exchange.internal.stix.StixPattern.StartStop;
import org.mamori.exchange.internal.stix.StixPattern.Within;

/**
 * The lexer and recursive-descent parser behind {@link StixPattern}, following the OASIS
 * STIXPattern grammar (STIX 2.1): keywords in capitals, booleans in lower case, properties with
 * hyphens quoted, comments and the grammar's white space skipped.
 */
final class StixPatternParser {

  /** Deeper nesting than this is refused rather than risking the parser's stack. */
  private static final int MAX_DEPTH = 100;

  private StixPatternParser() {}

  /** The parsed expression, or a StixPatternException saying what is wrong and where. */
  static ObservationExpression parse(String text) {
    return new Parser(new Lexer(text).tokens()).pattern();
  }

  private enum Kind {
    LBRACK("["),
    RBRACK("]"),
    LPAREN("("),
    RPAREN(")"),
    COLON(":"),
    DOT("."),
    COMMA(","),
    ASTERISK("*"),
    EQ("="),
    NEQ("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    AND("AND"),
    OR("OR"),
    NOT("NOT"),
    FOLLOWEDBY("FOLLOWEDBY"),
    LIKE("LIKE"),
    MATCHES("MATCHES"),
    ISSUPERSET("ISSUPERSET"),
    ISSUBSET("ISSUBSET"),
    EXISTS("EXISTS"),
    LAST("LAST"),
    IN("IN"),
    START("START"),
    STOP("STOP"),
    SECONDS("SECONDS"),
    WITHIN("WITHIN"),
    REPEATS("REPEATS"),
    TIMES("TIMES"),
    BOOLEAN("true/false"),
    IDENTIFIER("name"),
    STRING("'string'"),
    INTEGER("integer"),
    FLOAT("number"),
    BINARY("b'base64'"),
    HEX("h'hex'"),
    TIMESTAMP("t'timestamp'"),
    END("end");

    final String symbol;

    Kind(String symbol) {
      this.symbol = symbol;
    }
  }

  private static final Map<String, Kind> KEYWORDS =
      EnumSet.range(Kind.AND, Kind.TIMES).stream()
          .collect(Collectors.toUnmodifiableMap(kind -> kind.symbol, kind -> kind));

  /** A token: its kind, where it starts, its text as written and, for literals, its value. */
  private record Token(Kind kind, int start, String text, String value) {}

  private static final class Lexer {
    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    Lexer(String source) {
      this.source = source;
    }

    List<Token> tokens() {
      while (skipSpaceAndComments()) {
        int start = at;
        char c = source.charAt(at);
        if (isIdentifierStart(c)) {
          word(start);
        } else if (c == '\'') {
          String value = string(start);
          tokens.add(new Token(Kind.STRING, start, source.substring(start, at), value));
        } else if (isDigit(c)
            || ((c == '+' || c == '-' || c == '.')
                && at + 1 < source.length()
                && (isDigit(source.charAt(at + 1)) || source.charAt(at + 1) == '.'))) {
          number(start);
        } else {
          symbol(start, c);
        }
      }
      tokens.add(new Token(Kind.END, source.length(), "", ""));
      return tokens;
    }

    /** Skips white space and comments; false at the end of the text. */
    private boolean skipSpaceAndComments() {
      while (at < source.length()) {
        char c = source.charAt(at);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085') {
          at++;
        } else if (source.startsWith("/*", at)) {
          int end = source.indexOf("*/", at + 2);
          if (end < 0) {
            throw new StixPatternException(at, StixRule.PATTERN_UNTERMINATED);
          }
          at = end + 2;
        } else if (source.startsWith("//", at)) {
          while (at < source.length() && source.charAt(at) != '\n' && source.charAt(at) != '\r') {
            at++;
          }
        } else {
          return true;
        }
      }
      return false;
    }

    private void word(int start) {
      char first = source.charAt(at);
      if ((first == 't' || first == 'h' || first == 'b')
          && at + 1 < source.length()
          && source.charAt(at + 1) == '\'') {
        prefixedLiteral(start, first);
        return;
      }
      while (at < source.length() && isIdentifierPart(source.charAt(at))) {
        at++;
      }
      String word = source.substring(start, at);
      Kind keyword = KEYWORDS.get(word);
      if (keyword != null) {
        add(keyword, start, word);
      } else if (word.equals("true") || word.equals("false")) {
        tokens.add(new Token(Kind.BOOLEAN, start, word, word));
      } else {
        tokens.add(new Token(Kind.IDENTIFIER, start, word, word));
      }
    }

    private void prefixedLiteral(int start, char prefix) {
      at++;
      String content = string(start);
      String written = source.substring(start, at);
      switch (prefix) {
        case 't' -> {
          StixTimestamp timestamp = content.length() <= 64 ? StixTimestamp.parse(content) : null;
          if (timestamp == null) {
            throw new StixPatternException(start, StixRule.PATTERN_BAD_TIMESTAMP);
          }
          tokens.add(new Token(Kind.TIMESTAMP, start, written, content));
        }
        case 'h' -> {
          if (!StixValues.isHex(content)) {
            throw new StixPatternException(start, StixRule.PATTERN_BAD_HEX);
          }
          tokens.add(new Token(Kind.HEX, start, written, content));
        }
        default -> {
          if (content.isEmpty() || !StixValues.isBase64(content)) {
            throw new StixPatternException(start, StixRule.PATTERN_BAD_BINARY);
          }
          tokens.add(new Token(Kind.BINARY, start, written, content));
        }
      }
    }

    /** A quoted string from the quote at {@code at}; returns it unescaped. */
    private String string(int start) {
      StringBuilder value = new StringBuilder();
      at++;
      while (at < source.length()) {
        char c = source.charAt(at);
        if (c == '\'') {
          at++;
          return value.toString();
        }
        if (c == '\\') {
          char next = at + 1 < source.length() ? source.charAt(at + 1) : ' ';
          if (next != '\'' && next != '\\') {
            throw new StixPatternException(at, StixRule.PATTERN_BAD_ESCAPE);
          }
          value.append(next);
          at += 2;
        } else {
          value.append(c);
          at++;
        }
      }
      throw new StixPatternException(start, StixRule.PATTERN_UNTERMINATED);
    }

    private void number(int start) {
      if (source.charAt(at) == '+' || source.charAt(at) == '-') {
        at++;
      }
      int digitsStart = at;
      while (at < source.length() && isDigit(source.charAt(at))) {
        at++;
      }
      int integerDigits = at - digitsStart;
      boolean fraction = at < source.length() && source.charAt(at) == '.';
      if (fraction) {
        at++;
        int fractionStart = at;
        while (at < source.length() && isDigit(source.charAt(at))) {
          at++;
        }
        if (at == fractionStart) {
          throw new StixPatternException(start, StixRule.PATTERN_BAD_NUMBER);
        }
      } else if (integerDigits > 1 && source.charAt(digitsStart) == '0') {
        throw new StixPatternException(start, StixRule.PATTERN_BAD_NUMBER);
      }
      if (at < source.length() && isIdentifierStart(source.charAt(at))) {
        throw new StixPatternException(start, StixRule.PATTERN_BAD_NUMBER);
      }
      String written = source.substring(start, at);
      tokens.add(new Token(fraction ? Kind.FLOAT : Kind.INTEGER, start, written, written));
    }

    private void symbol(int start, char c) {
      char next = at + 1 < source.length() ? source.charAt(at + 1) : ' ';
      switch (c) {
        case '[' -> add(Kind.LBRACK, start, "[");
        case ']' -> add(Kind.RBRACK, start, "]");
        case '(' -> add(Kind.LPAREN, start, "(");
        case ')' -> add(Kind.RPAREN, start, ")");
        case ':' -> add(Kind.COLON, start, ":");
        case '.' -> add(Kind.DOT, start, ".");
        case ',' -> add(Kind.COMMA, start, ",");
        case '*' -> add(Kind.ASTERISK, start, "*");
        case '=' -> add(Kind.EQ, start, next == '=' ? "==" : "=");
        case '!' -> {
          if (next != '=') {
            throw new StixPatternException(start, StixRule.PATTERN_BAD_CHARACTER, "!");
          }
          add(Kind.NEQ, start, "!=");
        }
        case '<' -> {
          if (next == '>') {
            add(Kind.NEQ, start, "<>");
          } else {
            add(next == '=' ? Kind.LE : Kind.LT, start, next == '=' ? "<=" : "<");
          }
        }
        case '>' -> add(next == '=' ? Kind.GE : Kind.GT, start, next == '=' ? ">=" : ">");
        default ->
            throw new StixPatternException(
                start, StixRule.PATTERN_BAD_CHARACTER, new String(Character.toChars(codePoint())));
      }
    }

    private int codePoint() {
      return source.codePointAt(at);
    }

    private void add(Kind kind, int start, String written) {
      tokens.add(new Token(kind, start, written, written));
      at = start + written.length();
    }

    private static boolean isIdentifierStart(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
      return isIdentifierStart(c) || isDigit(c) || c == '-';
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }

  private static final class Parser {
    private final List<Token> tokens;
    private int next;
    private int depth;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    ObservationExpression pattern() {
      ObservationExpression expression = observationExpressions();
      Token last = peek();
      if (last.kind() != Kind.END) {
        throw new StixPatternException(last.start(), StixRule.PATTERN_AFTER_END, last.text());
      }
      return expression;
    }

    private ObservationExpression observationExpressions() {
      ObservationExpression left = observationOr();
      while (accept(Kind.FOLLOWEDBY)) {
        left = new ObservationJoin(ObservationOperator.FOLLOWEDBY, left, observationOr());
      }
      return left;
    }

    private ObservationExpression observationOr() {
      ObservationExpression left = observationAnd();
      while (accept(Kind.OR)) {
        left = new ObservationJoin(ObservationOperator.OR, left, observationAnd());
      }
      return left;
    }

    private ObservationExpression observationAnd() {
      ObservationExpression left = qualifiedObservation();
      while (accept(Kind.AND)) {
        left = new ObservationJoin(ObservationOperator.AND, left, qualifiedObservation());
      }
      return left;
    }

    /**
     * A bracketed or parenthesised observation with its qualifiers. As in the reference validator,
     * the same kind of qualifier twice is an error only directly on a bracketed observation.
     */
    private ObservationExpression qualifiedObservation() {
      Token opening = peek();
      ObservationExpression observation;
      if (accept(Kind.LBRACK)) {
        enter(opening);
        observation = new Observation(comparisonExpression());
        expect(Kind.RBRACK);
        depth--;
      } else if (accept(Kind.LPAREN)) {
        enter(opening);
        observation = observationExpressions();
        expect(Kind.RPAREN);
        depth--;
      } else {
        throw unexpected(opening, StixRule.PATTERN_EXPECTED_OBSERVATION);
      }
      Set<Kind> seen = EnumSet.noneOf(Kind.class);
      while (true) {
        Token qualifier = peek();
        Qualifier parsed = qualifier();
        if (parsed == null) {
          return observation;
        }
        if (opening.kind() == Kind.LBRACK && !seen.add(qualifier.kind())) {
          throw new StixPatternException(
              qualifier.start(),
              StixRule.PATTERN_DUPLICATE_QUALIFIER,
              qualifier.kind() == Kind.START ? "START/STOP" : qualifier.text());
        }
        observation = new Qualified(observation, parsed);
      }
    }

    private @Nullable Qualifier qualifier() {
      Token keyword = peek();
      if (accept(Kind.WITHIN)) {
        Token amount = peek();
        if (!accept(Kind.INTEGER) && !accept(Kind.FLOAT)) {
          throw unexpected(amount, StixRule.PATTERN_UNEXPECTED, "number");
        }
        BigDecimal seconds = new BigDecimal(amount.value());
        if (seconds.signum() <= 0 || amount.text().startsWith("-")) {
          throw new StixPatternException(amount.start(), StixRule.PATTERN_NOT_POSITIVE, "WITHIN");
        }
        expect(Kind.SECONDS);
        return new Within(seconds);
      }
      if (accept(Kind.REPEATS)) {
        Token count = peek();
        if (!accept(Kind.INTEGER)) {
          throw unexpected(count, StixRule.PATTERN_UNEXPECTED, "integer");
        }
        BigInteger times = new BigInteger(count.value());
        if (times.signum() <= 0) {
          throw new StixPatternException(count.start(), StixRule.PATTERN_NOT_POSITIVE, "REPEATS");
        }
        expect(Kind.TIMES);
        return new Repeats(times);
      }
      if (accept(Kind.START)) {
        Instant start = timestamp(expect(Kind.TIMESTAMP));
        expect(Kind.STOP);
        Instant stop = timestamp(expect(Kind.TIMESTAMP));
        if (!stop.isAfter(start)) {
          throw new StixPatternException(keyword.start(), StixRule.PATTERN_STOP_BEFORE_START);
        }
        return new StartStop(start, stop);
      }
      return null;
    }

    private ComparisonExpression comparisonExpression() {
      ComparisonExpression left = comparisonAnd();
      while (accept(Kind.OR)) {
        left = new ComparisonJoin(BooleanOperator.OR, left, comparisonAnd());
      }
      return left;
    }

    private ComparisonExpression comparisonAnd() {
      ComparisonExpression left = propertyTest();
      while (accept(Kind.AND)) {
        left = new ComparisonJoin(BooleanOperator.AND, left, propertyTest());
      }
      return left;
    }

    private ComparisonExpression propertyTest() {
      Token opening = peek();
      if (accept(Kind.LPAREN)) {
        enter(opening);
        ComparisonExpression inner = comparisonExpression();
        expect(Kind.RPAREN);
        depth--;
        return inner;
      }
      if (accept(Kind.EXISTS)) {
        return new Comparison(objectPath(), false, ComparisonOperator.EXISTS, null);
      }
      ObjectPath path = objectPath();
      boolean negated = accept(Kind.NOT);
      Token operator = advance();
      Comparison comparison =
          switch (operator.kind()) {
            case EQ -> new Comparison(path, negated, ComparisonOperator.EQUAL, constant(true));
            case NEQ -> new Comparison(path, negated, ComparisonOperator.NOT_EQUAL, constant(true));
            case LT -> new Comparison(path, negated, ComparisonOperator.LESS, constant(false));
            case LE ->
                new Comparison(path, negated, ComparisonOperator.LESS_OR_EQUAL, constant(false));
            case GT -> new Comparison(path, negated, ComparisonOperator.GREATER, constant(false));
            case GE ->
                new Comparison(path, negated, ComparisonOperator.GREATER_OR_EQUAL, constant(false));
            case IN -> new Comparison(path, negated, ComparisonOperator.IN, set());
            case LIKE -> new Comparison(path, negated, ComparisonOperator.LIKE, string(operator));
            case MATCHES ->
                new Comparison(path, negated, ComparisonOperator.MATCHES, string(operator));
            case ISSUBSET ->
                new Comparison(path, negated, ComparisonOperator.IS_SUBSET, string(operator));
            case ISSUPERSET ->
                new Comparison(path, negated, ComparisonOperator.IS_SUPERSET, string(operator));
            default -> throw unexpected(operator, StixRule.PATTERN_EXPECTED_OPERATOR);
          };
      checkHash(comparison, operator);
      return comparison;
    }

    private ObjectPath objectPath() {
      Token type = peek();
      if (!accept(Kind.IDENTIFIER)) {
        throw unexpected(type, StixRule.PATTERN_EXPECTED_PATH);
      }
      expect(Kind.COLON);
      List<PathStep> steps = new ArrayList<>();
      steps.add(new Property(propertyName()));
      while (true) {
        if (accept(Kind.DOT)) {
          steps.add(new Property(propertyName()));
        } else if (peek().kind() == Kind.LBRACK) {
          advance();
          Token index = advance();
          if (index.kind() == Kind.ASTERISK) {
            steps.add(new Index(null));
          } else if (index.kind() == Kind.INTEGER && index.value().length() <= 9) {
            steps.add(new Index(Integer.valueOf(index.value())));
          } else {
            throw unexpected(index, StixRule.PATTERN_UNEXPECTED, "integer, *");
          }
          expect(Kind.RBRACK);
        } else {
          return new ObjectPath(type.value(), steps);
        }
      }
    }

    /** A property name: a name without hyphens, or any name in quotes. */
    private String propertyName() {
      Token name = advance();
      if (name.kind() == Kind.STRING) {
        return name.value();
      }
      if (name.kind() != Kind.IDENTIFIER) {
        throw unexpected(name, StixRule.PATTERN_EXPECTED_PATH);
      }
      if (name.value().indexOf('-') >= 0) {
        throw new StixPatternException(
            name.start(), StixRule.PATTERN_HYPHEN_IN_PROPERTY, name.value());
      }
      return name.value();
    }

    /** A constant; booleans only where equality is tested. */
    private Constant constant(boolean booleanAllowed) {
      Token value = advance();
      ConstantKind kind =
          switch (value.kind()) {
            case STRING -> ConstantKind.STRING;
            case INTEGER -> ConstantKind.INTEGER;
            case FLOAT -> ConstantKind.FLOAT;
            case BINARY -> ConstantKind.BINARY;
            case HEX -> ConstantKind.HEX;
            case TIMESTAMP -> ConstantKind.TIMESTAMP;
            case BOOLEAN -> booleanAllowed ? ConstantKind.BOOLEAN : null;
            default -> null;
          };
      if (kind == null) {
        throw unexpected(value, StixRule.PATTERN_EXPECTED_VALUE);
      }
      return Constant.of(kind, value.value());
    }

    private Constant set() {
      expect(Kind.LPAREN);
      List<Constant> members = new ArrayList<>();
      if (!accept(Kind.RPAREN)) {
        do {
          members.add(constant(true));
        } while (accept(Kind.COMMA));
        expect(Kind.RPAREN);
      }
      String text = members.stream().map(Constant::text).collect(Collectors.joining(", "));
      return new Constant(ConstantKind.SET, text, members);
    }

    private Constant string(Token operator) {
      Token value = advance();
      if (value.kind() != Kind.STRING) {
        if (value.kind() == Kind.END) {
          throw new StixPatternException(value.start(), StixRule.PATTERN_UNEXPECTED_END);
        }
        throw new StixPatternException(
            value.start(), StixRule.PATTERN_EXPECTED_STRING, value.text(), operator.text());
      }
      return Constant.of(ConstantKind.STRING, value.value());
    }

    /** A hash compared by value must have the shape of its algorithm (MD5: 32 hex digits...). */
    private void checkHash(Comparison comparison, Token operator) {
      List<PathStep> steps = comparison.path().steps();
      Constant value = comparison.value();
      if (value == null
          || value.kind() != ConstantKind.STRING
          || (comparison.operator() != ComparisonOperator.EQUAL
              && comparison.operator() != ComparisonOperator.NOT_EQUAL)
          || steps.size() < 2
          || !(steps.get(steps.size() - 1) instanceof Property algorithm)
          || !(steps.get(steps.size() - 2) instanceof Property hashes)
          || !hashes.name().equals("hashes")) {
        return;
      }
      if (!StixValues.isHashOf(algorithm.name(), value.text())) {
        Token literal = tokens.get(next - 1);
        throw new StixPatternException(
            literal.start(),
            StixRule.PATTERN_BAD_HASH,
            value.text(),
            algorithm.name().toUpperCase(Locale.ROOT));
      }
    }

    private Instant timestamp(Token token) {
      return StixTimestamp.parse(token.value()).instant();
    }

    private void enter(Token opening) {
      if (++depth > MAX_DEPTH) {
        throw new StixPatternException(opening.start(), StixRule.PATTERN_TOO_DEEP);
      }
    }

    private Token peek() {
      return tokens.get(next);
    }

    private Token advance() {
      Token token = tokens.get(next);
      if (token.kind() != Kind.END) {
        next++;
      }
      return token;
    }

    private boolean accept(Kind kind) {
      if (peek().kind() == kind) {
        next++;
        return true;
      }
      return false;
    }

    private Token expect(Kind kind) {
      Token token = peek();
      if (token.kind() != kind) {
        throw unexpected(token, StixRule.PATTERN_UNEXPECTED, kind.symbol);
      }
      next++;
      return token;
    }

    private StixPatternException unexpected(Token found, StixRule rule, Object... expected) {
      if (found.kind() == Kind.END) {
        return new StixPatternException(found.start(), StixRule.PATTERN_UNEXPECTED_END);
      }
      Object[] details = new Object[expected.length + 1];
      details[0] = found.text();
      System.arraycopy(expected, 0, details, 1, expected.length);
      return new StixPatternException(found.start(), rule, details);
    }
  }
}
