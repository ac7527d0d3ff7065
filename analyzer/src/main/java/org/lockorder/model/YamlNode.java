package org.lockorder.model;

import java.util.List;
import java.util.Map;

/** A YAML value together with where it starts, so that errors can point at it. */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  Position position();

  /** What the node is, for messages: "a mapping", "a list", "a number", ... */
  String describe();

  /** A 1-based line and column in a file. */
  record Position(String file, int line, int column) {
    LockModelException error(String message) {
      return new LockModelException(file, line, column, message);
    }
  }

  /** One {@code key: value} pair of a mapping, with the key's own position. */
  record Entry(String key, Position keyPosition, YamlNode value) {}

  /** A YAML mapping; entries keep the file's order. */
  record Mapping(Position position, Map<String, Entry> entries) implements YamlNode {
    public Mapping {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A YAML sequence. */
  record Sequence(Position position, List<YamlNode> items) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A YAML scalar; {@code text} is null for an empty value or {@code null}. */
  record Scalar(Position position, String text, ScalarType type) implements YamlNode {
    @Override
    public String describe() {
      return switch (type) {
        case STRING -> "the string '" + text + "'";
        case INTEGER -> "the number " + text;
        case FLOAT -> "the number " + text;
        case BOOLEAN -> "the boolean " + text;
        case NULL -> "an empty value";
      };
    }
  }

  /** How the YAML parser typed a scalar. */
  enum ScalarType {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }
}
