package dev.atrium.webapp.dataservice;

import dev.atrium.common.application.Caller;
import dev.atrium.common.application.RecordService;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.infrastructure.AtriumConfig;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.query.LookupValue;
import dev.atrium.common.query.Select;
import dev.atrium.webapp.Refusals;
import dev.atrium.webapp.UserTransactions;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * DataService JSON at {@code /0/DataService/json/SyncReply/<Query>} (also
 * {@code /0/dataservice/json/reply/<Query>}): SelectQuery, InsertQuery, UpdateQuery, DeleteQuery
 * and BatchQuery, translated into the query model and run by {@link RecordService}. A batch is
 * one transaction. Refusals answer {@code success:false} with an {@code errorInfo} object and the
 * 4xx status of the error code; nothing of a refused request is saved.
 */
@WebServlet(urlPatterns = {"/DataService/*", "/dataservice/*"})
public class DataServiceServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  /** Date-times as the reference writes them: milliseconds, no offset (Atrium's are UTC). */
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  @EJB
  RecordService records;

  @Inject
  Caller caller;

  @Inject
  AtriumConfig config;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    JsonObject answer;
    int status = 200;
    try {
      String query = queryName(req.getPathInfo());
      if (!"POST".equals(req.getMethod())) {
        throw new AtriumException(ErrorCode.METHOD_NOT_ALLOWED, "DataService queries are sent with POST.");
      }
      JsonObject body = read(req);
      answer = "BatchQuery".equals(query) ? batch(body) : run(query, body);
    } catch (RuntimeException e) {
      AtriumException error = Refusals.of(e);
      status = error.code().status();
      answer = refusal(error);
    }
    byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("application/json;charset=utf-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  /** {@code /json/SyncReply/SelectQuery} or {@code /json/reply/SelectQuery}, in any case. */
  private static String queryName(String pathInfo) {
    String[] parts = pathInfo == null ? new String[0] : pathInfo.split("/");
    if (parts.length == 4 && parts[1].equalsIgnoreCase("json")
        && (parts[2].equalsIgnoreCase("SyncReply") || parts[2].equalsIgnoreCase("reply"))) {
      for (String known : List.of("SelectQuery", "InsertQuery", "UpdateQuery", "DeleteQuery", "BatchQuery")) {
        if (known.equalsIgnoreCase(parts[3])) {
          return known;
        }
      }
    }
    throw new AtriumException(ErrorCode.NOT_FOUND, "No DataService query at this path; use json/SyncReply/SelectQuery and the like.");
  }

  private JsonObject read(HttpServletRequest req) throws IOException {
    int max = config.odataMaxRequestBytes();
    if (req.getContentLengthLong() > max) {
      throw new AtriumException(ErrorCode.PAYLOAD_TOO_LARGE);
    }
    try (InputStream in = req.getInputStream()) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw new AtriumException(ErrorCode.PAYLOAD_TOO_LARGE);
      }
      try (JsonReader reader = Json.createReader(new java.io.ByteArrayInputStream(bytes))) {
        return reader.readObject();
      }
    } catch (JsonParsingException | ClassCastException e) {
      throw new AtriumException(ErrorCode.MALFORMED_REQUEST, "The body is not a JSON object.");
    } catch (JsonException e) {
      throw new AtriumException(ErrorCode.MALFORMED_REQUEST);
    }
  }

  private Queries queries() {
    Caller.Who who = caller.who();
    return new Queries(records.model(), new Queries.Who(who.id(), who.contactId()));
  }

  private JsonObject run(String query, JsonObject body) {
    Queries q = queries();
    EntityModel root = q.root(body);
    return switch (query) {
      case "SelectQuery" -> select(q, root, body);
      case "InsertQuery" -> Json.createObjectBuilder()
          .add("id", records.insert(root.name(), q.columnValues(body)).toString())
          .add("rowsAffected", 1).add("nextPrcElReady", false).add("success", true).build();
      case "UpdateQuery" -> affected(records.updateWhere(root.name(), q.filters(Wire.object(body, "Filters"), root),
          q.columnValues(body)));
      case "DeleteQuery" -> affected(records.deleteWhere(root.name(), q.filters(Wire.object(body, "Filters"), root)));
      default -> throw new AtriumException(ErrorCode.NOT_FOUND);
    };
  }

  /** Every item of {@code items} in one transaction: all are saved, or none. */
  private JsonObject batch(JsonObject body) {
    JsonArray items = Wire.array(body, "items");
    if (items == null || items.isEmpty()) {
      throw Wire.invalid("A BatchQuery has items.");
    }
    if (items.size() > config.odataMaxBatchRequests()) {
      throw new AtriumException(ErrorCode.QUERY_LIMIT_EXCEEDED,
          "A batch may hold at most " + config.odataMaxBatchRequests() + " queries; this one has " + items.size() + ".");
    }
    JsonArrayBuilder results = Json.createArrayBuilder();
    UserTransactions.inOne(() -> {
      for (JsonValue item : items) {
        JsonObject query = item.asJsonObject();
        JsonObject result = run(batchItemType(query), query);
        String queryId = Wire.string(query, "queryId");
        // Clients correlate answers with their items by queryId (and by position): echo it first.
        results.add(queryId == null ? result
            : Json.createObjectBuilder().add("queryId", queryId).addAll(Json.createObjectBuilder(result)).build());
      }
      return null;
    });
    return Json.createObjectBuilder().add("queryResults", results).add("success", true).build();
  }

  /** The kind of a batch item, from its {@code __type} ({@code Terrasoft.Nui.ServiceModel.DataContract.InsertQuery}). */
  private static String batchItemType(JsonObject item) {
    String type = Wire.string(item, "__type");
    if (type != null) {
      String simple = type.substring(type.lastIndexOf('.') + 1);
      for (String known : List.of("SelectQuery", "InsertQuery", "UpdateQuery", "DeleteQuery")) {
        if (known.equalsIgnoreCase(simple)) {
          return known;
        }
      }
    }
    int operation = Wire.integer(item, "OperationType", -1);
    return switch (operation) {
      case 0 -> "SelectQuery";
      case 1 -> "InsertQuery";
      case 2 -> "UpdateQuery";
      case 3 -> "DeleteQuery";
      default -> throw Wire.invalid("A batch item needs a __type such as Terrasoft.Nui.ServiceModel.DataContract.InsertQuery.");
    };
  }

  private JsonObject select(Queries q, EntityModel root, JsonObject body) {
    List<Queries.Column> columns = q.columns(body, root);
    Select select = q.select(body, root, columns, config.queryLimits().maxRows());
    List<Map<String, Object>> rows = records.select(select);
    JsonObjectBuilder rowConfig = Json.createObjectBuilder();
    for (Queries.Column c : columns) {
      rowConfig.add(c.alias(), rowConfig(c));
    }
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (Map<String, Object> row : rows) {
      JsonObjectBuilder r = Json.createObjectBuilder();
      for (Queries.Column c : columns) {
        if (!row.containsKey(c.alias())) {
          continue; // a column the caller may not read (column permissions) is absent
        }
        Object value = row.get(c.alias());
        // An empty lookup is "", as the reference sends it; other empty values are null.
        r.add(c.alias(), value == null && c.referenceSchemaName() != null ? Json.createValue("") : json(value));
      }
      out.add(r);
    }
    // Clients read the rows only when rowsAffected > 0: it is the number of rows returned.
    return Json.createObjectBuilder().add("rowConfig", rowConfig).add("rows", out).add("notFoundColumns", JsonValue.EMPTY_JSON_ARRAY)
        .add("rowsAffected", rows.size()).add("nextPrcElReady", false).add("success", true).build();
  }

  /**
   * How a column's values are typed: its DataValueType and, for a lookup, {@code isLookup} and the
   * object it refers to, from which clients turn {@code {value, displayValue}} into an id and a name.
   */
  private static JsonObject rowConfig(Queries.Column c) {
    JsonObjectBuilder config = Json.createObjectBuilder().add("dataValueType", c.dataValueType());
    if (c.referenceSchemaName() != null) {
      config.add("isLookup", true).add("referenceSchemaName", c.referenceSchemaName());
    }
    return config.build();
  }

  private static JsonObject affected(int rows) {
    return Json.createObjectBuilder().add("rowsAffected", rows).add("nextPrcElReady", false).add("success", true).build();
  }

  /**
   * A refusal in both forms clients in the wild read: {@code errorInfo} (errorCode, message,
   * stackTrace) and the ServiceStack-style {@code responseStatus} (ErrorCode, Message, Errors with
   * one entry per field at fault), with {@code rowsAffected} -1 and {@code success} false.
   */
  private static JsonObject refusal(AtriumException error) {
    String message = message(error);
    JsonArrayBuilder errors = Json.createArrayBuilder();
    error.fieldErrors().forEach(f -> errors.add(Json.createObjectBuilder().add("ErrorCode", error.code().name())
        .add("FieldName", f.field()).add("Message", f.message())));
    return Json.createObjectBuilder()
        .add("responseStatus", Json.createObjectBuilder().add("ErrorCode", error.code().name()).add("Message", message)
            .addNull("StackTrace").add("Errors", errors))
        .add("rowsAffected", -1).add("nextPrcElReady", false).add("success", false)
        .add("errorInfo", Json.createObjectBuilder().add("errorCode", error.code().name()).add("message", message)
            .addNull("stackTrace"))
        .build();
  }

  /** A value as the wire has it: lookups as value/displayValue pairs, date-times in ISO-8601 UTC. */
  static JsonValue json(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof LookupValue l) {
      return Json.createObjectBuilder().add("value", l.value().toString()).add("displayValue", json(l.displayValue())).build();
    }
    if (value instanceof String || value instanceof UUID || value instanceof LocalDate || value instanceof LocalTime) {
      return Json.createValue(value.toString());
    }
    if (value instanceof LocalDateTime t) {
      return Json.createValue(DATE_TIME.format(t));
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return Json.createValue(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      return Json.createValue(new BigDecimal(n.toString()));
    }
    if (value instanceof byte[] bytes) {
      return Json.createValue(Base64.getEncoder().encodeToString(bytes));
    }
    return Json.createValue(value.toString());
  }

  private static String message(AtriumException e) {
    String message = Refusals.message(e);
    return message.toLowerCase(Locale.ROOT).contains("exception") ? e.code().defaultMessage() : message;
  }
}
