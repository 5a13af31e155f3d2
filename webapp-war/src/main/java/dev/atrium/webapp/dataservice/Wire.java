package dev.atrium.webapp.dataservice;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Reading DataService JSON as clients in the wild write it: property names in any case
 * ({@code Columns} or {@code columns}), numbers sometimes as strings.
 */
final class Wire {

  private Wire() {}

  /** The member named {@code name} in any case, or null. */
  static JsonValue get(JsonObject o, String name) {
    if (o == null) {
      return null;
    }
    JsonValue exact = o.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  static JsonObject object(JsonObject o, String name) {
    JsonValue v = get(o, name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw invalid(name + " must be an object.");
    }
    return v.asJsonObject();
  }

  static JsonArray array(JsonObject o, String name) {
    JsonValue v = get(o, name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid(name + " must be an array.");
    }
    return v.asJsonArray();
  }

  static String string(JsonObject o, String name) {
    JsonValue v = get(o, name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    throw invalid(name + " must be a string.");
  }

  static int integer(JsonObject o, String name, int absent) {
    JsonValue v = get(o, name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return absent;
    }
    try {
      if (v instanceof JsonNumber n) {
        return n.intValueExact();
      }
      if (v instanceof JsonString s) {
        return Integer.parseInt(s.getString().trim());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // falls through to the refusal
    }
    throw invalid(name + " must be a whole number.");
  }

  static boolean bool(JsonObject o, String name, boolean absent) {
    JsonValue v = get(o, name);
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    if (v instanceof JsonString s && (s.getString().equalsIgnoreCase("true") || s.getString().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s.getString());
    }
    return absent;
  }

  /** A JSON scalar as a Java value (text, number, boolean or null); the data layer types it. */
  static Object scalar(JsonValue v) {
    if (v == null) {
      return null;
    }
    return switch (v.getValueType()) {
      case STRING -> ((JsonString) v).getString();
      case NUMBER -> ((JsonNumber) v).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
      case OBJECT -> {
        JsonValue inner = get(v.asJsonObject(), "value"); // a lookup given as {"value": "<guid>", ...}
        if (inner == null) {
          throw invalid("A value must be a text, number, boolean or null.");
        }
        yield scalar(inner);
      }
      case ARRAY -> throw invalid("A value must be a text, number, boolean or null.");
    };
  }

  static AtriumException invalid(String message) {
    return new AtriumException(ErrorCode.QUERY_INVALID, message);
  }
}
