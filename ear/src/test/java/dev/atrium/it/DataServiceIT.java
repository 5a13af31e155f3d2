package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DataService JSON on PostgreSQL over objects made at run time: the shapes and enumerations of the
 * wire contract, property names in any case, lookups as value/displayValue, filters, macros,
 * aggregates, paging, writes, atomic batches, and refusals that change nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DataServiceIT {

  private static AtriumClient admin;
  private static String deal;
  private static String line;
  private static String account;
  private static String tag;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  @BeforeAll
  static void data() {
    admin = AtriumClient.supervisor();
    tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    deal = "UsrDsDeal" + tag;
    line = "UsrDsLine" + tag;
    assertEquals(201, admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + deal + "\",\"Columns\":["
        + "{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true},{\"Name\":\"Amount\",\"Type\":\"Money\"},"
        + "{\"Name\":\"Stage\",\"Type\":\"ShortText\"},{\"Name\":\"CloseDate\",\"Type\":\"Date\"},"
        + "{\"Name\":\"Account\",\"Type\":\"Lookup\",\"Reference\":\"Account\"}]}").status());
    assertEquals(201, admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + line + "\",\"Columns\":["
        + "{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true},{\"Name\":\"Quantity\",\"Type\":\"Integer\"},"
        + "{\"Name\":\"Deal\",\"Type\":\"Lookup\",\"Reference\":\"" + deal + "\"}]}").status());
    account = ok(insert("Account", "\"Name\":" + param(1, "\"DS Customer " + tag + "\""))).getString("id");
    String big = insertDeal("Big", "50000", "won", "2026-03-31");
    insertDeal("Small", "1200.50", "open", "2026-05-15");
    insertDeal("Lost", "800", "lost", null);
    for (int q : new int[] {3, 7}) {
      ok(insert(line, "\"Name\":" + param(1, "\"Line " + q + "\"") + ",\"Quantity\":" + param(4, String.valueOf(q))
          + ",\"Deal\":" + param(10, "\"" + big + "\"")));
    }
  }

  private static String insertDeal(String name, String amount, String stage, String closeDate) {
    return insertDeal(name, amount, stage, closeDate, account);
  }

  private static String insertDeal(String name, String amount, String stage, String closeDate, String accountId) {
    JsonObject answer = ok(insert(deal, "\"Name\":" + param(1, "\"" + name + "\"") + ",\"Amount\":" + param(6, amount)
        + ",\"Stage\":" + param(1, "\"" + stage + "\"") + (closeDate == null ? "" : ",\"CloseDate\":" + param(8, "\"" + closeDate + "\""))
        + (accountId == null ? "" : ",\"Account\":" + param(10, "\"" + accountId + "\""))));
    assertEquals(Set.of("id", "rowsAffected", "nextPrcElReady", "success"), answer.keySet());
    assertEquals(1, answer.getInt("rowsAffected"));
    return answer.getString("id");
  }

  private static JsonObject json(String text) {
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
      return reader.readObject();
    }
  }

  private static String param(int dataValueType, String jsonValue) {
    return "{\"ExpressionType\":2,\"Parameter\":{\"DataValueType\":" + dataValueType + ",\"Value\":" + jsonValue + "}}";
  }

  private static String column(String path) {
    return "{\"Expression\":{\"ExpressionType\":0,\"ColumnPath\":\"" + path + "\"}}";
  }

  private static String compare(String path, int comparison, String right) {
    return "{\"FilterType\":1,\"ComparisonType\":" + comparison + ",\"LeftExpression\":{\"ExpressionType\":0,\"ColumnPath\":\""
        + path + "\"},\"RightExpression\":" + right + "}";
  }

  private static String group(int logical, String... items) {
    StringBuilder b = new StringBuilder("{\"FilterType\":6,\"LogicalOperation\":" + logical + ",\"Items\":{");
    for (int i = 0; i < items.length; i++) {
      b.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(items[i]);
    }
    return b.append("}}").toString();
  }

  private static Reply insert(String object, String columnValues) {
    return post("InsertQuery", "{\"RootSchemaName\":\"" + object + "\",\"OperationType\":1,\"ColumnValues\":{\"Items\":{" + columnValues + "}}}");
  }

  private static Reply post(String query, String body) {
    return admin.api("POST", "/0/DataService/json/SyncReply/" + query, body);
  }

  private static JsonObject ok(Reply r) {
    assertEquals(200, r.status(), r.body());
    assertTrue(r.json().getBoolean("success"), r.body());
    return r.json();
  }

  private static JsonArray select(String columns, String filters, String extra) {
    return ok(post("SelectQuery", "{\"RootSchemaName\":\"" + deal + "\",\"OperationType\":0,\"Columns\":{\"Items\":{" + columns
        + "}}" + (filters == null ? "" : ",\"Filters\":" + filters) + (extra == null ? "" : "," + extra) + "}")).getJsonArray("rows");
  }

  private static List<String> names(JsonArray rows) {
    return rows.stream().map(r -> r.asJsonObject().getString("Name")).toList();
  }

  private static final String BY_NAME = "\"Name\":{\"OrderDirection\":1,\"OrderPosition\":0,\"Expression\":{\"ExpressionType\":0,\"ColumnPath\":\"Name\"}}";

  @Test
  void selectReturnsRowsWithTheirConfigAndLookupsAsValueDisplayValuePairs() {
    JsonObject answer = ok(post("SelectQuery", "{\"rootSchemaName\":\"" + deal + "\",\"operationType\":0,\"columns\":{\"items\":{"
        + BY_NAME + ",\"Account\":" + column("Account") + ",\"AccountName\":" + column("Account.Name")
        + ",\"Amount\":" + column("Amount") + ",\"CloseDate\":" + column("CloseDate") + "}}}"));
    assertEquals(Set.of("rowConfig", "rows", "notFoundColumns", "rowsAffected", "nextPrcElReady", "success"), answer.keySet());
    assertEquals(3, answer.getInt("rowsAffected"), "clients read the rows only when rowsAffected > 0: it counts them");
    assertFalse(answer.getBoolean("nextPrcElReady"));
    assertEquals(JsonValue.EMPTY_JSON_ARRAY, answer.getJsonArray("notFoundColumns"));
    JsonObject config = answer.getJsonObject("rowConfig");
    assertEquals(json("{\"dataValueType\":1}"), config.getJsonObject("Name"));
    assertEquals(json("{\"dataValueType\":10,\"isLookup\":true,\"referenceSchemaName\":\"Account\"}"), config.getJsonObject("Account"));
    assertEquals(json("{\"dataValueType\":1}"), config.getJsonObject("AccountName"), "a column through a lookup is its own type");
    assertEquals(json("{\"dataValueType\":6}"), config.getJsonObject("Amount"));
    assertEquals(json("{\"dataValueType\":8}"), config.getJsonObject("CloseDate"));
    JsonArray rows = answer.getJsonArray("rows");
    assertEquals(List.of("Big", "Lost", "Small"), names(rows));
    JsonObject big = rows.getJsonObject(0);
    assertEquals(account, big.getJsonObject("Account").getString("value"));
    assertEquals("DS Customer " + tag, big.getJsonObject("Account").getString("displayValue"));
    assertEquals("DS Customer " + tag, big.getString("AccountName"));
    assertEquals(0, big.getJsonNumber("Amount").bigDecimalValue().compareTo(new java.math.BigDecimal("50000")));
    assertEquals("2026-03-31", big.getString("CloseDate"));
    assertEquals(Set.of("value", "displayValue"), big.getJsonObject("Account").keySet());
  }

  @Test
  void selectsWithoutRowsEmptyLookupsAndDateTimesAreShapedAsTheReferenceSendsThem() {
    JsonObject none = ok(post("SelectQuery", "{\"RootSchemaName\":\"" + deal + "\",\"Columns\":{\"Items\":{" + BY_NAME
        + ",\"Account\":" + column("Account") + "}},\"Filters\":" + compare("Name", 3, param(1, "\"nobody " + tag + "\"")) + "}"));
    assertEquals(0, none.getInt("rowsAffected"));
    assertEquals(JsonValue.EMPTY_JSON_ARRAY, none.getJsonArray("rows"));
    assertEquals(Set.of("Name", "Account"), none.getJsonObject("rowConfig").keySet(), "the row config comes without rows too");

    String orphan = insertDeal("Orphan " + tag, "1", "open", null, null);
    try {
      String byId = compare("Id", 3, param(0, "\"" + orphan + "\""));
      JsonObject row = ok(post("SelectQuery", "{\"RootSchemaName\":\"" + deal + "\",\"Columns\":{\"Items\":{\"Account\":"
          + column("Account") + ",\"CloseDate\":" + column("CloseDate") + ",\"CreatedOn\":" + column("CreatedOn") + "}},\"Filters\":"
          + byId + "}")).getJsonArray("rows").getJsonObject(0);
      assertEquals("", row.getString("Account"), "an empty lookup is an empty string");
      assertEquals(JsonValue.NULL, row.get("CloseDate"), "other empty values are null");
      assertTrue(row.getString("CreatedOn").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}"), row.toString());
    } finally {
      ok(post("DeleteQuery", "{\"RootSchemaName\":\"" + deal + "\",\"Filters\":" + compare("Id", 3, param(0, "\"" + orphan + "\"")) + "}"));
    }
  }

  @Test
  void filtersCoverGroupsInBetweenNullsTextAndExists() {
    assertEquals(List.of("Big", "Small"), names(select(BY_NAME, group(1, compare("Stage", 3, param(1, "\"won\"")),
        compare("Stage", 3, param(1, "\"open\""))), null)));
    assertEquals(List.of("Lost", "Small"), names(select(BY_NAME, "{\"FilterType\":4,\"ComparisonType\":3,\"LeftExpression\":"
        + "{\"ExpressionType\":0,\"ColumnPath\":\"Stage\"},\"RightExpressions\":[" + param(1, "\"lost\"") + "," + param(1, "\"open\"") + "]}", null)));
    assertEquals(List.of("Lost", "Small"), names(select(BY_NAME, "{\"FilterType\":3,\"ComparisonType\":0,\"LeftExpression\":"
        + "{\"ExpressionType\":0,\"ColumnPath\":\"Amount\"},\"RightLessExpression\":" + param(6, "100")
        + ",\"RightGreaterExpression\":" + param(6, "2000") + "}", null)));
    assertEquals(List.of("Lost"), names(select(BY_NAME, "{\"FilterType\":2,\"ComparisonType\":1,\"LeftExpression\":"
        + "{\"ExpressionType\":0,\"ColumnPath\":\"CloseDate\"}}", null)));
    assertEquals(List.of("Small"), names(select(BY_NAME, compare("Name", 9, param(1, "\"Sm\"")), null)));
    assertEquals(List.of("Big", "Small"), names(select(BY_NAME, compare("Name", 12, param(1, "\"os\"")), null)));
    assertEquals(List.of("Big"), names(select(BY_NAME, "{\"FilterType\":5,\"ComparisonType\":15,\"LeftExpression\":"
        + "{\"ExpressionType\":0,\"ColumnPath\":\"[" + line + ":Deal].Id\"},\"SubFilters\":" + compare("Quantity", 7, param(4, "5")) + "}", null)));
    assertEquals(List.of("Lost", "Small"), names(select(BY_NAME, "{\"FilterType\":5,\"ComparisonType\":16,\"LeftExpression\":"
        + "{\"ExpressionType\":0,\"ColumnPath\":\"[" + line + ":Deal].Id\"}}", null)));
    assertEquals(List.of("Big", "Lost", "Small"), names(select(BY_NAME, "{\"FilterType\":6,\"Items\":{\"off\":"
        + "{\"FilterType\":1,\"IsEnabled\":false,\"ComparisonType\":3,\"LeftExpression\":{\"ExpressionType\":0,\"ColumnPath\":\"Stage\"},"
        + "\"RightExpression\":" + param(1, "\"won\"") + "}}}", null)), "a disabled filter is left out");
  }

  @Test
  void macrosStandForTheCurrentContactAndRelativeDays() {
    String mine = compare("CreatedBy", 3, "{\"ExpressionType\":1,\"FunctionType\":1,\"MacrosType\":2}");
    String today = compare("CreatedOn", 3, "{\"ExpressionType\":1,\"FunctionType\":1,\"MacrosType\":4}");
    String yesterday = compare("CreatedOn", 3, "{\"ExpressionType\":1,\"FunctionType\":1,\"MacrosType\":3}");
    assertEquals(List.of("Big", "Lost", "Small"), names(select(BY_NAME, group(0, mine, today), null)));
    assertEquals(List.of(), names(select(BY_NAME, yesterday, null)));
  }

  @Test
  void aggregatesCountBackReferencesAndGroupTheRoot() {
    JsonArray rows = select(BY_NAME + ",\"Lines\":{\"Expression\":{\"ExpressionType\":1,\"FunctionType\":2,\"AggregationType\":2,"
        + "\"FunctionArgument\":{\"ExpressionType\":0,\"ColumnPath\":\"[" + line + ":Deal].Quantity\"}}}", null, null);
    assertEquals(10, rows.getJsonObject(0).getInt("Lines"));
    JsonArray total = ok(post("SelectQuery", "{\"RootSchemaName\":\"" + deal + "\",\"Columns\":{\"Items\":{"
        + "\"Stage\":{\"OrderDirection\":1,\"OrderPosition\":0,\"Expression\":{\"ExpressionType\":0,\"ColumnPath\":\"Stage\"}},"
        + "\"Count\":{\"Expression\":{\"ExpressionType\":1,\"FunctionType\":2,\"AggregationType\":1,\"FunctionArgument\":"
        + "{\"ExpressionType\":0,\"ColumnPath\":\"Id\"}}}}}}")).getJsonArray("rows");
    assertEquals(List.of("lost", "open", "won"), total.stream().map(r -> r.asJsonObject().getString("Stage")).toList());
    assertEquals(1, total.getJsonObject(0).getInt("Count"));
    JsonObject counted = ok(post("SelectQuery", "{\"RootSchemaName\":\"" + deal + "\",\"Columns\":{\"Items\":{"
        + "\"Count\":{\"Expression\":{\"ExpressionType\":1,\"FunctionType\":2,\"AggregationType\":1,\"FunctionArgument\":"
        + "{\"ExpressionType\":0,\"ColumnPath\":\"Id\"}}}}}}"));
    assertEquals(1, counted.getInt("rowsAffected"));
    assertEquals(json("{\"dataValueType\":4}"), counted.getJsonObject("rowConfig").getJsonObject("Count"));
    assertEquals(3, counted.getJsonArray("rows").getJsonObject(0).getInt("Count"));
  }

  @Test
  void pagesFollowRowCountAndRowsOffset() {
    assertEquals(List.of("Lost"), names(select(BY_NAME, null, "\"RowCount\":1,\"IsPageable\":true,\"RowsOffset\":1")));
    JsonObject page = ok(post("SelectQuery", "{\"RootSchemaName\":\"" + deal + "\",\"Columns\":{\"Items\":{" + BY_NAME
        + "}},\"RowCount\":2,\"IsPageable\":true,\"RowsOffset\":2}"));
    assertEquals(1, page.getInt("rowsAffected"), "the rows of this page, not of the whole result");
    assertEquals(Set.of("rowConfig", "rows", "notFoundColumns", "rowsAffected", "nextPrcElReady", "success"), page.keySet());
    assertEquals(List.of("Big", "Lost"), names(select(BY_NAME, null, "\"rowCount\":2")));
    assertEquals(List.of("Big", "Lost", "Small"), names(select(BY_NAME, null, "\"RowCount\":0")), "0 and -1 ask for every row");
  }

  @Test
  void writesAndBatchesAreAtomic() {
    String id = insertDeal("Temp " + tag, "10", "open", null);
    String byId = compare("Id", 3, param(0, "\"" + id + "\""));
    JsonObject updated = ok(post("UpdateQuery", "{\"RootSchemaName\":\"" + deal + "\",\"OperationType\":2,\"ColumnValues\":{\"Items\":{"
        + "\"Stage\":" + param(1, "\"won\"") + "}},\"Filters\":" + byId + "}"));
    assertEquals(1, updated.getInt("rowsAffected"));
    assertEquals(Set.of("rowsAffected", "nextPrcElReady", "success"), updated.keySet());
    assertEquals("won", select("\"Stage\":" + column("Stage"), byId, null).getJsonObject(0).getString("Stage"));

    String batch = "{\"items\":[{\"__type\":\"Terrasoft.Nui.ServiceModel.DataContract.InsertQuery\",\"RootSchemaName\":\"" + deal
        + "\",\"ColumnValues\":{\"Items\":{\"Name\":" + param(1, "\"Batch one " + tag + "\"") + "}}},"
        + "{\"__type\":\"Terrasoft.Nui.ServiceModel.DataContract.InsertQuery\",\"RootSchemaName\":\"" + deal
        + "\",\"ColumnValues\":{\"Items\":{\"Nmae\":" + param(1, "\"Batch two\"") + "}}}]}";
    Reply refused = post("BatchQuery", batch);
    assertEquals(400, refused.status(), refused.body());
    assertFalse(refused.json().getBoolean("success"));
    assertEquals("UNKNOWN_COLUMN", refused.json().getJsonObject("errorInfo").getString("errorCode"));
    assertEquals("UNKNOWN_COLUMN", refused.json().getJsonObject("responseStatus").getString("ErrorCode"));
    assertEquals(List.of(), names(select(BY_NAME, compare("Name", 9, param(1, "\"Batch one\"")), null)), "nothing of the batch was saved");

    JsonObject done = ok(post("BatchQuery", batch.replace("Nmae", "Name")
        .replace("{\"__type\"", "{\"queryId\":\"" + QUERY_ID + "\",\"__type\"")
        .replace("]}", ",{\"__type\":\"Terrasoft.Nui.ServiceModel.DataContract.SelectQuery\",\"RootSchemaName\":\"" + deal
            + "\",\"Columns\":{\"Items\":{" + BY_NAME + "}},\"Filters\":" + byId + "}]}")));
    assertEquals(Set.of("queryResults", "success"), done.keySet());
    JsonArray results = done.getJsonArray("queryResults");
    assertEquals(3, results.size(), "one answer per item, in their order");
    for (int i = 0; i < 2; i++) {
      assertEquals(Set.of("queryId", "id", "rowsAffected", "nextPrcElReady", "success"), results.getJsonObject(i).keySet());
      assertEquals(QUERY_ID, results.getJsonObject(i).getString("queryId"), "each item's queryId is echoed");
    }
    assertEquals(1, results.getJsonObject(2).getInt("rowsAffected"), "a select in a batch answers as a select");
    assertEquals(List.of("Temp " + tag), names(results.getJsonObject(2).getJsonArray("rows")));
    JsonObject deleted = ok(admin.api("POST", "/0/dataservice/json/reply/DeleteQuery", "{\"RootSchemaName\":\"" + deal
        + "\",\"OperationType\":3,\"Filters\":" + compare("Name", 9, param(1, "\"Batch \"")) + "}"));
    assertEquals(2, deleted.getInt("rowsAffected"));
    assertEquals(1, ok(post("DeleteQuery", "{\"RootSchemaName\":\"" + deal + "\",\"Filters\":" + byId + "}")).getInt("rowsAffected"));
  }

  @Test
  void unknownObjectsColumnsAndBadBodiesAreRefusedClearly() {
    assertRefused(post("SelectQuery", "{\"RootSchemaName\":\"UsrNothing\",\"AllColumns\":true}"), 400, "UNKNOWN_COLUMN");
    assertRefused(post("SelectQuery", "{\"RootSchemaName\":\"" + deal + "\",\"Columns\":{\"Items\":{\"x\":" + column("Nope") + "}}}"), 400, "UNKNOWN_COLUMN");
    assertRefused(post("SelectQuery", "{\"RootSchemaName\":\"" + deal + "\",\"Columns\":{\"Items\":{\"x\":" + column("Account.Nope") + "}}}"), 400, "UNKNOWN_COLUMN");
    assertRefused(post("SelectQuery", "not json"), 400, "MALFORMED_REQUEST");
    assertRefused(post("SelectQuery", "{\"RootSchemaName\":\"" + deal + "\",\"AllColumns\":true,\"RowCount\":20001}"), 400, "QUERY_LIMIT_EXCEEDED");
    assertRefused(insert(deal, "\"Amount\":" + param(6, "5")), 400, "VALIDATION_FAILED");
    assertRefused(insert(deal, "\"Name\":" + param(1, "\"x\"") + ",\"Amount\":" + param(6, "\"lots\"")), 400, "VALIDATION_FAILED");
    assertRefused(post("DeleteQuery", "{\"RootSchemaName\":\"" + deal + "\"}"), 400, "QUERY_INVALID");
    assertRefused(post("FrobQuery", "{}"), 404, "NOT_FOUND");
    assertRefused(post("SelectQuery", "{\"RootSchemaName\":\"" + deal + "\",\"Columns\":{\"Items\":{\"n\":{\"Expression\":"
        + "{\"ExpressionType\":1,\"FunctionType\":2,\"AggregationType\":1,\"FunctionArgument\":{\"ExpressionType\":0,"
        + "\"ColumnPath\":\"[" + line + ":Deal:Name].Id\"}}}}}}"), 400, "QUERY_INVALID");
    assertEquals(3, select(BY_NAME, null, null).size(), "nothing changed");
  }

  private static final String QUERY_ID = "5b3b1c5e-8f3a-4d7e-9c61-0d2a4f1e7b90";

  private static void assertRefused(Reply r, int status, String code) {
    assertEquals(status, r.status(), r.body());
    assertFalse(r.json().getBoolean("success"));
    assertEquals(Set.of("responseStatus", "rowsAffected", "nextPrcElReady", "success", "errorInfo"), r.json().keySet(), r.body());
    assertEquals(-1, r.json().getInt("rowsAffected"));
    assertEquals(code, r.json().getJsonObject("errorInfo").getString("errorCode"), r.body());
    assertEquals(JsonValue.NULL, r.json().getJsonObject("errorInfo").get("stackTrace"));
    JsonObject status2 = r.json().getJsonObject("responseStatus");
    assertEquals(code, status2.getString("ErrorCode"), r.body());
    assertEquals(r.json().getJsonObject("errorInfo").getString("message"), status2.getString("Message"));
    assertEquals(JsonValue.NULL, status2.get("StackTrace"));
    if (code.equals("VALIDATION_FAILED")) {
      assertFalse(status2.getJsonArray("Errors").isEmpty(), "the fields at fault are listed: " + r.body());
      status2.getJsonArray("Errors").forEach(e -> assertTrue(e.asJsonObject().containsKey("FieldName"), r.body()));
    }
    assertFalse(r.body().contains("Exception"), r.body());
  }
}
