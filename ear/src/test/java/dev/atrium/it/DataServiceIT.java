package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
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
    return ok(insert(deal, "\"Name\":" + param(1, "\"" + name + "\"") + ",\"Amount\":" + param(6, amount)
        + ",\"Stage\":" + param(1, "\"" + stage + "\"") + (closeDate == null ? "" : ",\"CloseDate\":" + param(8, "\"" + closeDate + "\""))
        + ",\"Account\":" + param(10, "\"" + account + "\""))).getString("id");
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
    assertEquals(1, answer.getJsonObject("rowConfig").getJsonObject("Name").getInt("dataValueType"));
    assertEquals(10, answer.getJsonObject("rowConfig").getJsonObject("Account").getInt("dataValueType"));
    assertEquals(6, answer.getJsonObject("rowConfig").getJsonObject("Amount").getInt("dataValueType"));
    JsonArray rows = answer.getJsonArray("rows");
    assertEquals(List.of("Big", "Lost", "Small"), names(rows));
    JsonObject big = rows.getJsonObject(0);
    assertEquals(account, big.getJsonObject("Account").getString("value"));
    assertEquals("DS Customer " + tag, big.getJsonObject("Account").getString("displayValue"));
    assertEquals("DS Customer " + tag, big.getString("AccountName"));
    assertEquals(0, big.getJsonNumber("Amount").bigDecimalValue().compareTo(new java.math.BigDecimal("50000")));
    assertEquals("2026-03-31", big.getString("CloseDate"));
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
  }

  @Test
  void pagesFollowRowCountAndRowsOffset() {
    assertEquals(List.of("Lost"), names(select(BY_NAME, null, "\"RowCount\":1,\"IsPageable\":true,\"RowsOffset\":1")));
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
    assertEquals("won", select("\"Stage\":" + column("Stage"), byId, null).getJsonObject(0).getString("Stage"));

    String batch = "{\"items\":[{\"__type\":\"Terrasoft.Nui.ServiceModel.DataContract.InsertQuery\",\"RootSchemaName\":\"" + deal
        + "\",\"ColumnValues\":{\"Items\":{\"Name\":" + param(1, "\"Batch one " + tag + "\"") + "}}},"
        + "{\"__type\":\"Terrasoft.Nui.ServiceModel.DataContract.InsertQuery\",\"RootSchemaName\":\"" + deal
        + "\",\"ColumnValues\":{\"Items\":{\"Nmae\":" + param(1, "\"Batch two\"") + "}}}]}";
    Reply refused = post("BatchQuery", batch);
    assertEquals(400, refused.status(), refused.body());
    assertFalse(refused.json().getBoolean("success"));
    assertEquals("UNKNOWN_COLUMN", refused.json().getJsonObject("errorInfo").getString("errorCode"));
    assertEquals(List.of(), names(select(BY_NAME, compare("Name", 9, param(1, "\"Batch one\"")), null)), "nothing of the batch was saved");

    JsonObject done = ok(post("BatchQuery", batch.replace("Nmae", "Name")));
    assertEquals(2, done.getJsonArray("queryResults").size());
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

  private static void assertRefused(Reply r, int status, String code) {
    assertEquals(status, r.status(), r.body());
    assertFalse(r.json().getBoolean("success"));
    assertEquals(code, r.json().getJsonObject("errorInfo").getString("errorCode"), r.body());
    assertFalse(r.body().contains("Exception"), r.body());
  }
}
