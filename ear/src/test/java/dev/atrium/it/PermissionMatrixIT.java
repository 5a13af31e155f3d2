package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atrium.it.AtriumClient.Reply;
import dev.atrium.it.People.Person;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The permission matrix (access rights): users in a role tree against every API path that reads
 * or changes records, each expected to see exactly what their rights give and to be refused or
 * shown nothing otherwise. In a division, Ann (a member) writes a deal whose Secret column only
 * the division's managers may read; Carl manages the division; Bob is an employee outside it who
 * writes a deal of his own; the Supervisor bypasses every right. A note (an object without record
 * permissions) points at Ann's deal. Every probe runs for every user and all answers are compared
 * at once, so a failure shows the whole matrix.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PermissionMatrixIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  /** One request and what of its answer is compared. */
  record Probe(String what, String method, String path, String body, Function<Reply, String> read) {}

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String names(JsonObject page) {
    return page.getJsonArray("value").getValuesAs(JsonObject.class).stream().map(o -> o.getString("Name")).sorted()
        .collect(Collectors.joining(","));
  }

  /** A member's value as text: "absent" without the key, "null" for null, a nested object by its Name. */
  private static String field(JsonObject o, String key) {
    if (!o.containsKey(key)) {
      return "absent";
    }
    if (o.isNull(key)) {
      return "null";
    }
    return o.get(key) instanceof JsonObject nested ? field(nested, "Name") : o.getString(key);
  }

  /** The status, and on 200 what {@code then} reads of the body. */
  private static Function<Reply, String> status(Function<Reply, String> then) {
    return r -> r.status() == 200 ? then.apply(r) : String.valueOf(r.status());
  }

  private static String dataService(String root, String columns) {
    return "{\"RootSchemaName\":\"" + root + "\",\"OperationType\":0,\"Columns\":{\"Items\":{" + columns + "}}}";
  }

  @Test
  void everyUserSeesWhatTheirRightsGiveOnEveryPath() throws Exception {
    AtriumClient admin = AtriumClient.supervisor();
    String division = People.role(admin, "Division", null);
    String managers = People.role(admin, "ManagerRole", division);
    Person ann = People.employee(admin, TestData.uniqueName("mx-ann"));
    Person carl = People.employee(admin, TestData.uniqueName("mx-carl"));
    Person bob = People.employee(admin, TestData.uniqueName("mx-bob"));
    People.member(admin, division, ann.userId());
    People.member(admin, managers, carl.userId());

    String tag = TestData.uniqueName("o").substring(2).replace("-", "");
    String deal = "UsrMx" + tag;
    String note = "UsrMxN" + tag;
    assertEquals(201, admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + deal + "\",\"AdministeredByRecords\":true,"
        + "\"AdministeredByColumns\":true,\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true},"
        + "{\"Name\":\"Secret\",\"Type\":\"Text\"}]}").status());
    try {
      assertEquals(201, admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + note + "\",\"Columns\":[{\"Name\":\"Name\","
          + "\"Type\":\"Text\"},{\"Name\":\"Deal\",\"Type\":\"Lookup\",\"Reference\":\"" + deal + "\"}]}").status());
      assertEquals(200, admin.api("PUT", "/0/rest/objects/" + deal + "/columns/Secret/rights",
          "{\"Entries\":[{\"GranteeId\":\"" + managers + "\",\"Access\":\"Edit\"}]}").status());
      Reply annsDeal = ann.signIn().api("POST", "/0/odata/" + deal, "{\"Name\":\"ann-1\"}");
      assertEquals(201, annsDeal.status(), annsDeal.body());
      String annId = annsDeal.json().getString("Id");
      assertEquals(204, admin.api("PATCH", "/0/odata/" + deal + "(" + annId + ")", "{\"Secret\":\"s1\"}").status());
      Reply bobsDeal = bob.signIn().api("POST", "/0/odata/" + deal, "{\"Name\":\"bob-1\"}");
      assertEquals(201, bobsDeal.status(), bobsDeal.body());
      String bobId = bobsDeal.json().getString("Id");
      assertEquals(201, admin.api("POST", "/0/odata/" + note, "{\"Name\":\"n1\",\"DealId\":\"" + annId + "\"}").status());

      String deals = "/0/odata/" + deal;
      String notes = "/0/odata/" + note;
      String select = "/0/DataService/json/SyncReply/SelectQuery";
      List<Probe> probes = List.of(
          new Probe("OData list", "GET", deals + "?$select=Name", null, status(r -> names(r.json()))),
          new Probe("OData $count", "GET", deals + "/$count", null, status(r -> r.body().trim())),
          new Probe("OData @odata.count", "GET", deals + "?$count=true&$top=1", null,
              status(r -> String.valueOf(r.json().getInt("@odata.count")))),
          new Probe("filter on the hidden column", "GET", deals + "?$filter=" + enc("Secret eq 's1'"), null,
              status(r -> names(r.json()))),
          new Probe("select the hidden column", "GET", deals + "?$select=Name,Secret&$filter=" + enc("Name eq 'ann-1'"), null,
              status(r -> r.json().getJsonArray("value").getValuesAs(JsonObject.class).stream()
                  .map(o -> field(o, "Secret")).collect(Collectors.joining(",")))),
          new Probe("get by key", "GET", deals + "(" + annId + ")", null, status(r -> r.json().getString("Name"))),
          new Probe("$expand into the deal", "GET", notes + "?$expand=Deal", null,
              status(r -> r.json().getJsonArray("value").getValuesAs(JsonObject.class).stream()
                  .map(o -> field(o, "Deal")).collect(Collectors.joining(",")))),
          new Probe("filter through the lookup", "GET", notes + "?$filter=" + enc("Deal/Name eq 'ann-1'"), null,
              status(r -> names(r.json()))),
          new Probe("$batch", "POST", "/0/odata/$batch", "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"" + deal
              + "?$select=Name\"}]}", status(r -> {
                JsonObject inner = r.json().getJsonArray("responses").getJsonObject(0);
                return inner.getInt("status") + ":" + names(inner.getJsonObject("body"));
              })),
          new Probe("DataService join through the lookup", "POST", select, dataService(note,
              "\"DealName\":{\"Expression\":{\"ExpressionType\":0,\"ColumnPath\":\"Deal.Name\"}}"),
              status(r -> r.json().getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                  .map(o -> field(o, "DealName")).collect(Collectors.joining(",")))),
          new Probe("DataService count", "POST", select, dataService(deal, "\"Count\":{\"Expression\":{\"ExpressionType\":1,"
              + "\"FunctionType\":2,\"AggregationType\":1,\"FunctionArgument\":{\"ExpressionType\":0,\"ColumnPath\":\"Id\"}}}"),
              status(r -> String.valueOf(r.json().getJsonArray("rows").getJsonObject(0).getInt("Count")))),
          new Probe("record rights", "GET", "/0/rest/records/" + deal + "/" + annId + "/rights", null, status(r -> "listed")),
          new Probe("change Ann's record", "PATCH", deals + "(" + annId + ")", "{\"Name\":\"ann-1\"}",
              r -> String.valueOf(r.status())),
          new Probe("change the hidden column", "PATCH", deals + "(" + annId + ")", "{\"Secret\":\"guessed\"}",
              r -> String.valueOf(r.status())),
          new Probe("delete Bob's record", "DELETE", deals + "(" + bobId + ")", null, r -> String.valueOf(r.status())));

      // expected, in the order Ann, Carl, Bob, Supervisor
      Map<String, List<String>> expected = new LinkedHashMap<>();
      expected.put("OData list", List.of("ann-1", "ann-1", "bob-1", "ann-1,bob-1"));
      expected.put("OData $count", List.of("1", "1", "1", "2"));
      expected.put("OData @odata.count", List.of("1", "1", "1", "2"));
      expected.put("filter on the hidden column", List.of("403", "ann-1", "403", "ann-1"));
      // OData keeps the declared property, null (its metadata is the same for every caller); DataService leaves it out
      expected.put("select the hidden column", List.of("null", "s1", "", "s1"));
      expected.put("get by key", List.of("ann-1", "ann-1", "404", "ann-1"));
      expected.put("$expand into the deal", List.of("ann-1", "ann-1", "null", "ann-1"));
      expected.put("filter through the lookup", List.of("n1", "n1", "", "n1"));
      expected.put("$batch", List.of("200:ann-1", "200:ann-1", "200:bob-1", "200:ann-1,bob-1"));
      expected.put("DataService join through the lookup", List.of("ann-1", "ann-1", "null", "ann-1"));
      expected.put("DataService count", List.of("1", "1", "1", "2"));
      expected.put("record rights", List.of("listed", "listed", "404", "listed"));
      expected.put("change Ann's record", List.of("204", "204", "404", "204"));
      expected.put("change the hidden column", List.of("403", "204", "404", "204"));
      expected.put("delete Bob's record", List.of("404", "404", "204", "404"));

      Map<String, List<String>> actual = new LinkedHashMap<>();
      List<AtriumClient> callers = new ArrayList<>();
      for (Probe p : probes) {
        callers.clear();
        callers.addAll(List.of(ann.signIn(), carl.signIn(), bob.signIn(), admin)); // fresh: sessions idle out after 8 s
        List<String> answers = new ArrayList<>();
        for (AtriumClient c : callers) {
          answers.add(p.read().apply(c.api(p.method(), p.path(), p.body())));
        }
        actual.put(p.what(), answers);
      }
      assertEquals(expected.toString().replace("], ", "],\n "), actual.toString().replace("], ", "],\n "));
    } finally {
      admin.api("DELETE", "/0/rest/objects/" + note + "?confirm=true", null);
      admin.api("DELETE", "/0/rest/objects/" + deal + "?confirm=true", null);
    }
  }
}
