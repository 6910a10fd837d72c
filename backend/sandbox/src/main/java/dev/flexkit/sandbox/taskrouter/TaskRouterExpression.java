package dev.flexkit.sandbox.taskrouter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A TaskRouter expression ({@code routing.skills HAS "sales" AND (level > 2 OR vip == true)}),
 * parsed once by recursive descent and evaluated against JSON attributes. Keywords are
 * case-insensitive because Twilio's own examples use {@code in} and {@code contains} in lowercase;
 * a missing key is {@code null}, and an operator applied to the wrong shape (a scalar operator on
 * an array, an array operator on two scalars) is simply false, as on Twilio.
 */
public final class TaskRouterExpression {
  /** Thrown for text that is not an expression; the message says where. */
  public static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message);
    }
  }

  private interface Node {
    Object value(JsonNode root);
  }

  private record Literal(Object value) implements Node {
    @Override
    public Object value(JsonNode root) {
      return value;
    }
  }

  private record ArrayLiteral(List<Node> items) implements Node {
    @Override
    public Object value(JsonNode root) {
      List<Object> values = new ArrayList<>();
      items.forEach(i -> values.add(i.value(root)));
      return values;
    }
  }

  /** {@code a.b[2].c}: each step is a field name or an array index. */
  private record Reference(List<Object> steps) implements Node {
    @Override
    public Object value(JsonNode root) {
      JsonNode at = root;
      for (Object step : steps) {
        if (at == null || at.isNull() || at.isMissingNode()) {
          return null;
        }
        at =
            step instanceof Integer i
                ? (at.isArray() ? at.get(i) : null)
                : (at.isObject() ? at.get((String) step) : null);
      }
      return fromJson(at);
    }
  }

  private record Comparison(Node left, String op, Node right) implements Node {
    @Override
    public Object value(JsonNode root) {
      return compare(left.value(root), op, right.value(root));
    }
  }

  private record Logical(Node left, boolean and, Node right) implements Node {
    @Override
    public Object value(JsonNode root) {
      boolean l = truthy(left.value(root));
      if (and ? !l : l) {
        return l;
      }
      return truthy(right.value(root));
    }
  }

  private final String text;
  private final Node root;

  private TaskRouterExpression(String text, Node root) {
    this.text = text;
    this.root = root;
  }

  public static TaskRouterExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new Invalid("expression is empty");
    }
    Parser parser = new Parser(tokenize(text));
    Node node = parser.or();
    if (!parser.atEnd()) {
      throw new Invalid("unexpected '" + parser.peek().text + "' in expression: " + text);
    }
    return new TaskRouterExpression(text, node);
  }

  public boolean matches(JsonNode root) {
    return truthy(this.root.value(root));
  }

  /** The value of a bare reference such as {@code task.KnownAgentWorkerSid} (null when missing). */
  public Object evaluate(JsonNode root) {
    return this.root.value(root);
  }

  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }

  // ---- evaluation ----

  private static boolean truthy(Object v) {
    return Boolean.TRUE.equals(v);
  }

  static Object fromJson(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isArray()) {
      List<Object> values = new ArrayList<>();
      n.forEach(e -> values.add(fromJson(e)));
      return values;
    }
    return n; // an object: only ever equal to nothing, compared as a scalar
  }

  private static Object compare(Object l, String op, Object r) {
    return switch (op) {
      case "==" -> !(l instanceof List) && !(r instanceof List) && scalarEquals(l, r);
      case "!=" -> !(l instanceof List) && !(r instanceof List) && !scalarEquals(l, r);
      case ">", ">=", "<", "<=" -> ordered(l, op, r);
      case "CONTAINS" -> l instanceof String ls && r instanceof String rs && ls.contains(rs);
      case "HAS" ->
          l instanceof List<?> list
              && !(r instanceof List)
              && list.stream().anyMatch(e -> scalarEquals(e, r));
      case "IN" ->
          !(l instanceof List)
              && r instanceof List<?> list
              && list.stream().anyMatch(e -> scalarEquals(l, e));
      case "NOT IN" ->
          !(l instanceof List)
              && r instanceof List<?> list
              && list.stream().noneMatch(e -> scalarEquals(l, e));
      default -> throw new IllegalStateException(op);
    };
  }

  private static boolean scalarEquals(Object l, Object r) {
    if (l instanceof Double a && r instanceof Double b) {
      return a.doubleValue() == b.doubleValue();
    }
    return Objects.equals(l, r);
  }

  private static boolean ordered(Object l, String op, Object r) {
    int c;
    if (l instanceof Double a && r instanceof Double b) {
      c = Double.compare(a, b);
    } else if (l instanceof String a && r instanceof String b) {
      c = a.compareTo(b);
    } else {
      return false;
    }
    return switch (op) {
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      case "<" -> c < 0;
      default -> c <= 0;
    };
  }

  // ---- lexing ----

  private enum Kind {
    STRING,
    NUMBER,
    WORD,
    SYMBOL,
    END
  }

  private record Token(Kind kind, String text) {
    boolean is(String keyword) {
      return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(keyword);
    }
  }

  private static List<Token> tokenize(String s) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          throw new Invalid("unterminated string in expression: " + s);
        }
        tokens.add(new Token(Kind.STRING, s.substring(i + 1, end)));
        i = end + 1;
      } else if (Character.isDigit(c)
          || (c == '-'
              && i + 1 < s.length()
              && Character.isDigit(s.charAt(i + 1))
              && (tokens.isEmpty() || tokens.get(tokens.size() - 1).kind == Kind.SYMBOL))) {
        int start = i++;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, s.substring(start, i)));
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int start = i;
        while (i < s.length()
            && (Character.isLetterOrDigit(s.charAt(i))
                || s.charAt(i) == '_'
                || s.charAt(i) == '$')) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, s.substring(start, i)));
      } else {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (List.of("==", "!=", ">=", "<=", "&&", "||").contains(two)) {
          tokens.add(new Token(Kind.SYMBOL, two));
          i += 2;
        } else if ("><()[],.".indexOf(c) >= 0) {
          tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
          i++;
        } else if (c == '=') {
          tokens.add(new Token(Kind.SYMBOL, "=="));
          i++;
        } else {
          throw new Invalid("unexpected character '" + c + "' in expression: " + s);
        }
      }
    }
    tokens.add(new Token(Kind.END, ""));
    return tokens;
  }

  // ---- parsing ----

  private static final class Parser {
    private final List<Token> tokens;
    private int at;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    Token peek() {
      return tokens.get(at);
    }

    boolean atEnd() {
      return peek().kind == Kind.END;
    }

    Token next() {
      return tokens.get(at++);
    }

    void expect(String symbol) {
      if (!peek().is(symbol)) {
        throw new Invalid("expected '" + symbol + "' but found '" + peek().text + "'");
      }
      at++;
    }

    Node or() {
      Node left = and();
      while (peek().is("OR") || peek().is("||")) {
        next();
        left = new Logical(left, false, and());
      }
      return left;
    }

    Node and() {
      Node left = term();
      while (peek().is("AND") || peek().is("&&")) {
        next();
        left = new Logical(left, true, term());
      }
      return left;
    }

    Node term() {
      if (peek().is("(")) {
        next();
        Node inner = or();
        expect(")");
        return inner;
      }
      Node left = operand();
      String op = operator();
      if (op == null) {
        return left;
      }
      return new Comparison(left, op, operand());
    }

    String operator() {
      Token t = peek();
      if (t.kind == Kind.SYMBOL && List.of("==", "!=", ">", ">=", "<", "<=").contains(t.text)) {
        next();
        return t.text;
      }
      if (t.kind == Kind.WORD) {
        String upper = t.text.toUpperCase(Locale.ROOT);
        if (upper.equals("IN") || upper.equals("HAS") || upper.equals("CONTAINS")) {
          next();
          return upper;
        }
        if (upper.equals("NOT") && tokens.get(at + 1).is("IN")) {
          at += 2;
          return "NOT IN";
        }
      }
      return null;
    }

    Node operand() {
      Token t = next();
      switch (t.kind) {
        case STRING:
          return new Literal(t.text);
        case NUMBER:
          try {
            return new Literal(Double.parseDouble(t.text));
          } catch (NumberFormatException e) {
            throw new Invalid("bad number '" + t.text + "'");
          }
        case WORD:
          String lower = t.text.toLowerCase(Locale.ROOT);
          if (lower.equals("true") || lower.equals("false")) {
            return new Literal(Boolean.parseBoolean(lower));
          }
          if (lower.equals("null")) {
            return new Literal(null);
          }
          if (List.of("and", "or", "in", "has", "contains", "not").contains(lower)) {
            throw new Invalid("expected a value but found '" + t.text + "'");
          }
          return reference(t.text);
        case SYMBOL:
          if (t.text.equals("[")) {
            List<Node> items = new ArrayList<>();
            if (!peek().is("]")) {
              items.add(operand());
              while (peek().is(",")) {
                next();
                items.add(operand());
              }
            }
            expect("]");
            return new ArrayLiteral(items);
          }
          throw new Invalid("expected a value but found '" + t.text + "'");
        default:
          throw new Invalid("expression ends where a value was expected");
      }
    }

    Node reference(String first) {
      List<Object> steps = new ArrayList<>();
      steps.add(first);
      while (true) {
        if (peek().is(".")) {
          next();
          Token name = next();
          if (name.kind != Kind.WORD && name.kind != Kind.NUMBER) {
            throw new Invalid("expected a key after '.' but found '" + name.text + "'");
          }
          steps.add(name.text);
        } else if (peek().is("[")) {
          next();
          Token index = next();
          if (index.kind != Kind.NUMBER || index.text.contains(".")) {
            throw new Invalid("array index must be an integer, found '" + index.text + "'");
          }
          steps.add(Integer.parseInt(index.text));
          expect("]");
        } else {
          return new Reference(steps);
        }
      }
    }
  }
}
