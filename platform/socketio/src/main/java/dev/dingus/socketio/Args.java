package dev.dingus.socketio;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The arguments of an event or acknowledgement, as JSON nodes; binary arguments are binary nodes.
 * Immutable view; convert with {@link #get(int, Class)}.
 */
public final class Args {

  private final List<JsonNode> values;
  private final ObjectMapper mapper;

  Args(List<JsonNode> values, ObjectMapper mapper) {
    this.values = List.copyOf(values);
    this.mapper = mapper;
  }

  static Args of(ArrayNode array, int from, ObjectMapper mapper) {
    List<JsonNode> values = new ArrayList<>(Math.max(0, array.size() - from));
    for (int i = from; i < array.size(); i++) {
      values.add(array.get(i));
    }
    return new Args(values, mapper);
  }

  /** Number of arguments. */
  public int size() {
    return values.size();
  }

  /** True when the event carried no argument besides its name. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The argument at {@code index} as a JSON node, or {@code null} when there is no such argument. */
  public JsonNode node(int index) {
    return index < values.size() ? values.get(index) : null;
  }

  /**
   * The argument at {@code index} converted to {@code type}; {@code null} for a missing or JSON
   * {@code null} argument.
   *
   * @throws IllegalArgumentException when the value does not convert
   */
  public <T> T get(int index, Class<T> type) {
    JsonNode n = node(index);
    if (n == null || n.isNull()) {
      return null;
    }
    try {
      return mapper.treeToValue(n, type);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("argument " + index + " is not a valid " + type.getSimpleName(), e);
    }
  }

  /** The argument as a string, or {@code null} when it is not one. */
  public String string(int index) {
    JsonNode n = node(index);
    return n != null && n.isString() ? n.stringValue() : null;
  }

  /** The argument's bytes when it is binary, or {@code null}. */
  public byte[] bytes(int index) {
    JsonNode n = node(index);
    return n != null && n.isBinary() ? n.binaryValue() : null;
  }

  /** All arguments, for passing them on unchanged (e.g. {@code socket.emit("echo", args.toArray())}). */
  public Object[] toArray() {
    return values.toArray();
  }

  /** The arguments as an unmodifiable list of JSON nodes. */
  public List<JsonNode> asList() {
    return values;
  }

  @Override
  public String toString() {
    return "Args[" + values.size() + "]";
  }
}
