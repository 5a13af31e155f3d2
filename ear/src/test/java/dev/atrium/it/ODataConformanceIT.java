package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OData 4.01 as generic clients expect it (see docs/odata.md), table by table against the real
 * server on PostgreSQL: the literals of the ABNF, 501 for what the service does not do, sort keys
 * that are constants, and a fuzz of every system query option that must never answer 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ODataConformanceIT {

  private static AtriumClient admin;
  /** A run-time object with a column of every numeric kind, and its child. */
  private static String set;
  private static String child;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  @BeforeAll
  static void records() {
    admin = AtriumClient.supervisor();
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    set = "UsrOdConf" + suffix;
    child = "UsrOdConfLine" + suffix;
    created(admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + set + "\",\"Columns\":["
        + "{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true},{\"Name\":\"Amount\",\"Type\":\"Money\"},"
        + "{\"Name\":\"Rate\",\"Type\":\"Decimal\"},{\"Name\":\"Hours\",\"Type\":\"Integer\"},"
        + "{\"Name\":\"Due\",\"Type\":\"Date\"},{\"Name\":\"Active\",\"Type\":\"Boolean\"},"
        + "{\"Name\":\"Account\",\"Type\":\"Lookup\",\"Reference\":\"Account\"}]}"));
    created(admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + child + "\",\"Columns\":["
        + "{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true},"
        + "{\"Name\":\"Parent\",\"Type\":\"Lookup\",\"Reference\":\"" + set + "\"}]}"));
    String a = created(odata("POST", set, "{\"Name\":\"A\",\"Amount\":10.25,\"Rate\":0.125,\"Hours\":2,\"Due\":\"2026-03-01\"}"))
        .getString("Id");
    String b = created(odata("POST", set, "{\"Name\":\"B\",\"Amount\":10.75,\"Rate\":-0.5,\"Hours\":1000,\"Active\":true}"))
        .getString("Id");
    created(odata("POST", set, "{\"Name\":\"C\"}"));
    for (String line : List.of("A1", "A2", "A3", "A4")) {
      created(odata("POST", child, "{\"Name\":\"" + line + "\",\"ParentId\":\"" + a + "\"}"));
    }
    created(odata("POST", child, "{\"Name\":\"B1\",\"ParentId\":\"" + b + "\"}"));
  }

  private static JsonObject created(Reply r) {
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  private static Reply odata(String method, String path, String body) {
    return admin.api(method, "/0/odata/" + path, body);
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The names of the records a query answers, in its order. */
  private static List<String> names(String query) {
    Reply r = odata("GET", set + "?" + query, null);
    assertEquals(200, r.status(), query + ": " + r.body());
    return r.json().getJsonArray("value").stream().map(v -> v.asJsonObject().getString("Name")).toList();
  }

  private static void assertError(Reply r, int status, String code, String what) {
    assertEquals(status, r.status(), what + ": " + r.body());
    JsonObject error = r.json().getJsonObject("error");
    assertNotNull(error, what + ": an OData error body: " + r.body());
    assertEquals(code, error.getString("code"), what + ": " + r.body());
    assertTrue(error.getString("message").length() > 10, what + ": a message that says why: " + r.body());
  }

  /** OData 4.01 ABNF decimalValue and doubleValue, on Money, Decimal and Integer columns (A 10.25, B 10.75, C null). */
  @Test
  void numberLiteralsWithFractionsExponentsAndTheSpecialValues() {
    String[][] table = {
        {"Amount gt 10.5", "B"},
        {"Amount lt 10.5", "A"},
        {"Amount eq 10.25", "A"},
        {"Amount ge 10.250", "A,B"},
        {"Amount gt 1e1", "A,B"},
        {"Amount lt 1.1E1", "A,B"},
        {"Amount gt 1.075e+1", ""},
        {"Amount ge 1075E-2", "B"},
        {"Rate lt -0.25", "B"},
        {"Rate gt -0.5", "A"},
        {"Rate eq 0.125", "A"},
        {"Rate eq 1.25e-1", "A"},
        {"Hours eq 2.0", "A"},
        {"Hours gt 999.5", "B"},
        {"Hours ge 999.5", "B"},
        {"Hours lt 2.5", "A"},
        {"Hours le 1.5", ""},
        {"Hours eq 2.5", ""},
        {"Hours ne 2.5", "A,B"},
        {"Hours lt 1e12", "A,B"},
        {"Hours gt 1e12", ""},
        {"Hours gt -3000000000", "A,B"},
        {"Amount lt 1e20", "A,B"},
        {"Amount gt 99999999999999999", ""},
        {"Amount ne -1e20", "A,B"},
        {"Amount add 0.5 gt 11", "B"},
        {"Amount mul 2 eq 21.5", "B"},
        {"Amount gt 10.500000000000000000000000000000000000", "B"},
        {"Amount lt INF", "A,B"},
        {"Amount le INF", "A,B"},
        {"Amount gt INF", ""},
        {"Amount eq INF", ""},
        {"Amount gt -INF", "A,B"},
        {"Amount lt -INF", ""},
        {"INF gt Amount", "A,B"},
        {"Amount eq NaN", ""},
        {"Amount lt NaN", ""},
        {"Amount ne NaN", "A,B"},
        {"Amount lt 1e40", "A,B"},
        {"Amount gt -1e40", "A,B"},
        {"Amount gt 1e40 or Name eq 'C'", "C"},
        {"not (Amount lt INF)", "C"},
    };
    for (String[] row : table) {
      List<String> expected = row[1].isEmpty() ? List.of() : List.of(row[1].split(","));
      assertEquals(expected, names("$orderby=Name&$filter=" + q(row[0])), row[0]);
    }
    String[] refused = {
        "Amount add INF gt 1", "Amount in (1, INF)", "-(INF) lt Amount", "INF", "Amount mul 1e40 gt 1",
        "Amount gt 0." + "0".repeat(40) + "1", "INF eq NaN",
    };
    for (String filter : refused) {
      assertError(odata("GET", set + "?$filter=" + q(filter), null), 400, "QUERY_INVALID", filter);
    }
  }

  /** Valid OData that the service does not do: 501 with the OData error body, never a 400 that blames the client. */
  @Test
  void whatTheServiceDoesNotDoAnswers501() {
    String lines = child + "CollectionByParent";
    String[] table = {
        "$search=alpha",
        "$apply=" + q("aggregate(Amount with sum as Total)"),
        "$expand=*",
        "$filter=" + q("substring(Name,1,2) eq 'x'"),
        "$filter=" + q(lines + "/any(l:l/Parent/" + lines + "/any(m:l/Name eq 'x'))"),
        "$orderby=" + q("Name eq 'A'"),
        "$expand=" + lines + q("($levels=2)"),
    };
    for (String query : table) {
      assertError(odata("GET", set + "?" + query, null), 501, "NOT_IMPLEMENTED", query);
    }
    assertError(odata("GET", set + "?$expand=" + lines + "(" + q("$expand=*") + ")", null), 501, "NOT_IMPLEMENTED",
        "a star inside an expand");
    assertError(odata("POST", set, "{\"Name\":\"Deep\",\"" + lines + "\":[{\"Name\":\"x\"}]}"), 501, "NOT_IMPLEMENTED",
        "deep insert");
    assertEquals(0, names("$filter=" + q("Name eq 'Deep'")).size(), "nothing stored");
  }

  /**
   * Parameter aliases (intermediate conformance): in $filter, inside $expand's options, and
   * one the request gives no value, which is null (A 10.25 due 2026-03-01, B 10.75 1000 hours, C empty).
   */
  @Test
  void parameterAliasesStandForTheirValues() {
    assertEquals(List.of("A"), names("$filter=" + q("Name eq @n") + "&@n=" + q("'A'")));
    assertEquals(List.of("B"), names("$filter=" + q("Amount gt @min and Hours le @h") + "&@min=10.5&@h=1000"));
    assertEquals(List.of("B", "C"), names("$filter=" + q("Due eq @none") + "&$orderby=Name"), "an alias without a value is null");
    String lines = child + "CollectionByParent";
    JsonObject a = expanded("A", lines + q("($filter=Name eq @l)") + "&@l=" + q("'A2'"));
    assertEquals(List.of("A2"), lineNames(a, lines), "an alias in $expand's $filter");
    assertError(odata("GET", set + "?$filter=" + q("Name eq @n") + "&@n=" + q("'unclosed"), null), 400, "QUERY_INVALID",
        "an alias whose value is not a literal");
    assertEquals(List.of("C"), names("$filter=" + q("Name eq @a") + "&@a=@b&@b=" + q("'C'")), "an alias for an alias");
    Reply loop = odata("GET", set + "?$filter=" + q("Name eq @a") + "&@a=@a", null);
    assertEquals(400, loop.status(), "an alias for itself: " + loop.body());
  }

  /** One property of a record (intermediate conformance): as OData JSON, as its raw value, null as 204. */
  @Test
  void singlePropertiesAndTheirRawValues() {
    JsonObject a = odata("GET", set + "?$filter=" + q("Name eq 'A'"), null).json().getJsonArray("value").getJsonObject(0);
    String record = set + "(" + a.getString("Id") + ")";
    Reply name = odata("GET", record + "/Name", null);
    assertEquals(200, name.status(), name.body());
    assertEquals("A", name.json().getString("value"));
    assertTrue(name.json().getString("@odata.context").endsWith("$metadata#" + record + "/Name"), name.body());
    String tag = name.header("ETag").orElseThrow();
    assertEquals(a.getString("@odata.etag"), tag, "the record's tag");
    java.util.Map<String, String> text = java.util.Map.of("Accept", "text/plain", "BPMCSRF", admin.cookies.get("BPMCSRF"));
    java.util.Map<String, String[]> raw = java.util.Map.of("Name", new String[] {"A"}, "Amount", new String[] {"10.25"},
        "Due", new String[] {"2026-03-01"}, "Hours", new String[] {"2"});
    raw.forEach((property, expected) -> {
      Reply value = admin.send("GET", "/0/odata/" + record + "/" + property + "/$value", null, text);
      assertEquals(200, value.status(), property + ": " + value.body());
      assertEquals(expected[0], value.body(), property);
      assertTrue(value.header("Content-Type").orElse("").startsWith("text/plain"), property);
    });
    JsonObject c = odata("GET", set + "?$filter=" + q("Name eq 'C'"), null).json().getJsonArray("value").getJsonObject(0);
    assertEquals(204, odata("GET", set + "(" + c.getString("Id") + ")/Amount", null).status(), "null: no content");
    assertEquals(304, admin.send("GET", "/0/odata/" + record + "/Name", null, java.util.Map.of("Accept", "application/json",
        "BPMCSRF", admin.cookies.get("BPMCSRF"), "If-None-Match", tag)).status(), "a conditional read");
    Reply lines = admin.send("GET", "/0/odata/" + record + "/" + child + "CollectionByParent/$count", null, text);
    assertEquals(200, lines.status(), lines.body());
    assertEquals("4", lines.body(), "/$count on a navigation property");
    assertError(odata("GET", set + "(" + UUID.randomUUID() + ")/Name", null), 404, "NOT_FOUND", "no such record");
    assertError(odata("GET", set + "(" + a.getString("Id") + ")/Nope", null), 404, "NOT_FOUND", "no such property");
  }

  /** Server-driven paging: a $top beyond the page is served page by page through @odata.nextLink. */
  @Test
  void aLargeTopIsPagedByTheServer() {
    assertEquals(List.of("A", "B", "C"), names("$top=25000&$orderby=Name"), "a $top beyond the 20,000 rows of a page");
    List<String> seen = new ArrayList<>();
    String next = "/0/odata/" + set + "?$top=3&$orderby=Name%20desc";
    int pages = 0;
    while (next != null && pages < 5) {
      Reply r = admin.send("GET", next, null, java.util.Map.of("Accept", "application/json",
          "BPMCSRF", admin.cookies.get("BPMCSRF"), "Prefer", "odata.maxpagesize=2"));
      assertEquals(200, r.status(), r.body());
      assertEquals("odata.maxpagesize=2", r.header("Preference-Applied").orElse(null));
      r.json().getJsonArray("value").forEach(v -> seen.add(v.asJsonObject().getString("Name")));
      next = r.json().containsKey("@odata.nextLink") ? java.net.URI.create(r.json().getString("@odata.nextLink")).getRawPath()
          + "?" + java.net.URI.create(r.json().getString("@odata.nextLink")).getRawQuery() : null;
      pages++;
    }
    assertEquals(List.of("C", "B", "A"), seen);
    assertEquals(2, pages, "a full page of two, then the last one, without a next link");
  }

  /** $top, $skip, $count, $filter and $orderby inside $expand of a collection: per parent (A has A1-A4, B has B1). */
  @Test
  void queryOptionsInsideExpandApplyToEachParent() {
    String lines = child + "CollectionByParent";
    JsonObject a = expanded("A", lines + q("($top=2;$skip=1;$orderby=Name desc;$count=true;$select=Name)"));
    assertEquals(List.of("A3", "A2"), lineNames(a, lines));
    assertEquals(4, a.getInt(lines + "@odata.count"), a.toString());
    JsonObject b = expanded("B", lines + q("($top=2;$skip=1;$orderby=Name desc;$count=true)"));
    assertEquals(List.of(), lineNames(b, lines), "B's one line is skipped");
    assertEquals(1, b.getInt(lines + "@odata.count"));
    JsonObject filtered = expanded("A", lines + q("($filter=Name ne 'A1';$count=true;$orderby=Name)"));
    assertEquals(List.of("A2", "A3", "A4"), lineNames(filtered, lines));
    assertEquals(3, filtered.getInt(lines + "@odata.count"));
    JsonObject none = expanded("A", lines + q("($top=0;$count=true)"));
    assertEquals(List.of(), lineNames(none, lines));
    assertEquals(4, none.getInt(lines + "@odata.count"));
    JsonObject skipped = expanded("A", lines + q("($skip=3)"));
    assertEquals(1, lineNames(skipped, lines).size(), "the fourth line in Id order");
    String id = a.getString("Id");
    Reply one = odata("GET", set + "(" + id + ")?$expand=" + lines + q("($top=1;$orderby=Name)"), null);
    assertEquals(200, one.status(), one.body());
    assertEquals(List.of("A1"), lineNames(one.json(), lines), "a single record's expand too");
    assertError(odata("GET", child + "?$expand=" + q("Parent($top=1)"), null), 400, "QUERY_INVALID", "a single-valued lookup");
  }

  private static JsonObject expanded(String name, String expand) {
    Reply r = odata("GET", set + "?$filter=" + q("Name eq '" + name + "'") + "&$expand=" + expand, null);
    assertEquals(200, r.status(), expand + ": " + r.body());
    return r.json().getJsonArray("value").getJsonObject(0);
  }

  private static List<String> lineNames(JsonObject parent, String lines) {
    return parent.getJsonArray(lines).stream().map(v -> v.asJsonObject().getString("Name")).toList();
  }

  /**
   * odata.metadata=full: every navigation property of every record, expanded ones included, has
   * its navigation link, which answers what it names when followed; minimal metadata has none.
   */
  @Test
  void fullMetadataLinksEveryNavigationProperty() {
    String lines = child + "CollectionByParent";
    Reply full = admin.send("GET", "/0/odata/" + set + "?$filter=" + q("Name eq 'A'") + "&$expand=" + lines, null,
        java.util.Map.of("Accept", "application/json;odata.metadata=full", "BPMCSRF", admin.cookies.get("BPMCSRF")));
    assertEquals(200, full.status(), full.body());
    JsonObject a = full.json().getJsonArray("value").getJsonObject(0);
    String self = set + "(" + a.getString("Id") + ")";
    assertEquals(self, a.getString("@odata.id"), a.toString());
    assertEquals(self + "/" + lines, a.getString(lines + "@odata.navigationLink"), "an expanded collection");
    assertEquals(self + "/Account", a.getString("Account@odata.navigationLink"), "a lookup not expanded");
    JsonObject line = a.getJsonArray(lines).getJsonObject(0);
    assertEquals(child + "(" + line.getString("Id") + ")/Parent", line.getString("Parent@odata.navigationLink"),
        "a record inside the expansion");
    Reply followed = odata("GET", a.getString(lines + "@odata.navigationLink") + "?$orderby=Name", null);
    assertEquals(200, followed.status(), followed.body());
    assertEquals(List.of("A1", "A2", "A3", "A4"), lineNames(followed.json(), "value"));
    assertEquals(204, odata("GET", a.getString("Account@odata.navigationLink"), null).status(), "A has no account");
    Reply parent = odata("GET", line.getString("Parent@odata.navigationLink"), null);
    assertEquals(200, parent.status(), parent.body());
    assertEquals("A", parent.json().getString("Name"));
    Reply minimal = odata("GET", set + "?$filter=" + q("Name eq 'A'") + "&$expand=" + lines, null);
    assertEquals(200, minimal.status(), minimal.body());
    assertTrue(!minimal.body().contains("@odata.navigationLink"), minimal.body());
  }

  /**
   * Refusals before the service, by sign-in and CSRF checks, are OData errors under /0/odata with
   * the OData-Version header; the other APIs keep the reference's body (SessionIT).
   */
  @Test
  void signInRefusalsUnderODataAreODataErrors() {
    AtriumClient anonymous = AtriumClient.forItServer();
    Reply none = anonymous.api("GET", "/0/odata/" + set, null);
    assertError(none, 401, "AUTHENTICATION_REQUIRED", "no session");
    assertEquals("4.0", none.header("OData-Version").orElse(null));
    assertTrue(none.header("Content-Type").orElse("").startsWith("application/json"), none.header("Content-Type").toString());
    assertEquals("Authentication failed.", none.json().getJsonObject("error").getString("message"), "the reference's words");
    Reply token = anonymous.send("GET", "/0/odata/" + set, null, java.util.Map.of("Accept", "application/json",
        "Authorization", "Bearer not-a-token"));
    assertError(token, 401, "AUTHENTICATION_REQUIRED", "an unknown bearer token");
    assertTrue(token.header("WWW-Authenticate").orElse("").startsWith("Bearer"), "RFC 6750's challenge");
    Reply forged = admin.send("GET", "/0/odata/" + set, null, java.util.Map.of("Accept", "application/json",
        "BPMCSRF", "forged"));
    assertError(forged, 403, "CSRF_TOKEN_INVALID", "a wrong BPMCSRF");
    Reply rest = anonymous.api("GET", "/0/rest/contacts", null);
    assertEquals("AUTHENTICATION_REQUIRED", rest.json().getString("ErrorCode"), "REST keeps its body");
  }

  /** Prefer return=representation and return=minimal, named in Preference-Applied when honoured. */
  @Test
  void returnPreferencesAreHonouredAndNamed() {
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(java.util.Map.of("Accept", "application/json",
        "Content-Type", "application/json", "BPMCSRF", admin.cookies.get("BPMCSRF")));
    headers.put("Prefer", "return=minimal");
    Reply minimal = admin.send("POST", "/0/odata/" + set, "{\"Name\":\"Pref\",\"Hours\":1}", headers);
    assertEquals(204, minimal.status(), minimal.body());
    assertEquals("return=minimal", minimal.header("Preference-Applied").orElse(null));
    String entityId = minimal.header("OData-EntityId").orElseThrow();
    String path = java.net.URI.create(entityId).getRawPath();
    try {
      headers.put("Prefer", "return=representation");
      Reply patched = admin.send("PATCH", path, "{\"Hours\":7}", headers);
      assertEquals(200, patched.status(), patched.body());
      assertEquals("return=representation", patched.header("Preference-Applied").orElse(null));
      assertEquals(7, patched.json().getInt("Hours"));
      assertEquals("Pref", patched.json().getString("Name"));
      assertEquals(patched.json().getString("@odata.etag"), patched.header("ETag").orElse(null));
      headers.remove("Prefer");
      Reply plain = admin.send("PATCH", path, "{\"Hours\":8}", headers);
      assertEquals(204, plain.status(), "without a preference: 204");
      assertTrue(plain.header("Preference-Applied").isEmpty());
    } finally {
      admin.api("DELETE", path, null);
    }
  }

  /** If-None-Match and If-Match on reads and changes (RFC 7232 weak comparison), If-Match as before. */
  @Test
  void conditionalRequestsFollowTheirHeaders() {
    String path = "/0/odata/" + set + "(" + created(odata("POST", set, "{\"Name\":\"Cond\",\"Hours\":1}")).getString("Id") + ")";
    try {
      Reply read = admin.api("GET", path, null);
      String tag = read.header("ETag").orElseThrow();
      assertTrue(tag.startsWith("W/\""), tag);
      String[][] reads = {
          {"If-None-Match", tag, "304"}, {"If-None-Match", "*", "304"}, {"If-None-Match", "W/\"other\", " + tag, "304"},
          {"If-None-Match", "W/\"other\"", "200"}, {"If-Match", tag, "200"}, {"If-Match", "*", "200"},
          {"If-Match", "W/\"other\"", "412"},
      };
      for (String[] row : reads) {
        Reply r = conditional("GET", path, null, row[0], row[1]);
        assertEquals(Integer.parseInt(row[2]), r.status(), row[0] + ": " + row[1] + " " + r.body());
        if (r.status() == 304) {
          assertEquals("", r.body(), "304 has no body");
          assertEquals(tag, r.header("ETag").orElse(null));
        } else if (r.status() == 412) {
          assertError(r, 412, "PRECONDITION_FAILED", row[1]);
        }
      }
      String[][] refusedChanges = {{"If-None-Match", "*"}, {"If-None-Match", tag}, {"If-Match", "W/\"other\""}};
      for (String[] row : refusedChanges) {
        assertError(conditional("PATCH", path, "{\"Hours\":99}", row[0], row[1]), 412, "PRECONDITION_FAILED", "PATCH " + row[1]);
        assertError(conditional("PUT", path, "{\"Name\":\"Replaced\"}", row[0], row[1]), 412, "PRECONDITION_FAILED", "PUT " + row[1]);
        assertError(conditional("DELETE", path, null, row[0], row[1]), 412, "PRECONDITION_FAILED", "DELETE " + row[1]);
      }
      JsonObject unchanged = admin.api("GET", path, null).json();
      assertEquals(1, unchanged.getInt("Hours"), "nothing changed: " + unchanged);
      assertEquals("Cond", unchanged.getString("Name"));
      assertEquals(204, conditional("PATCH", path, "{\"Hours\":2}", "If-None-Match", "W/\"other\"").status());
      Reply now = admin.api("GET", path, null);
      assertEquals(2, now.json().getInt("Hours"));
      assertEquals(412, conditional("PATCH", path, "{\"Hours\":3}", "If-Match", tag).status(), "the old tag is stale now");
      assertEquals(204, conditional("PATCH", path, "{\"Hours\":3}", "If-Match", now.header("ETag").orElseThrow()).status());
      assertEquals(200, conditional("GET", path, null, "If-None-Match", tag).status(), "modified since the old tag");
    } finally {
      admin.api("DELETE", path, null);
    }
  }

  private static Reply conditional(String method, String path, String body, String header, String value) {
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(java.util.Map.of("Accept", "application/json",
        "BPMCSRF", admin.cookies.get("BPMCSRF"), header, value));
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    return admin.send(method, path, body, headers);
  }

  /** A body that is not JSON is 415 Unsupported Media Type; the versions agree. */
  @Test
  void mediaTypesAndVersionsAreAnsweredAsTheProtocolSays() {
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(java.util.Map.of("Accept", "application/json",
        "BPMCSRF", admin.cookies.get("BPMCSRF")));
    headers.put("Content-Type", "text/plain");
    assertError(admin.send("POST", "/0/odata/" + set, "{\"Name\":\"Plain\"}", headers), 415, "UNSUPPORTED_MEDIA_TYPE",
        "text/plain");
    assertError(admin.send("POST", "/0/odata/" + set, "{\"Name\":\"Xml\"}", java.util.Map.of("Accept", "application/json",
        "BPMCSRF", admin.cookies.get("BPMCSRF"), "Content-Type", "application/xml")), 415, "UNSUPPORTED_MEDIA_TYPE", "XML");
    assertEquals(0, names("$filter=" + q("Name eq 'Plain' or Name eq 'Xml'")).size(), "nothing stored");
    Reply csdl = admin.api("GET", "/0/odata/$metadata?$format=json", null);
    assertEquals(200, csdl.status(), csdl.body());
    assertEquals(csdl.header("OData-Version").orElse(null), csdl.json().getString("$Version"),
        "the JSON CSDL's version is the one the header names");
  }

  /**
   * $metadata says what a client may send (Core vocabulary) and pairs every navigation property
   * with its inverse; the vocabulary it references is served here, so clients that follow
   * references need no internet access.
   */
  @Test
  void theMetadataAnnotatesWhatTheServiceSetsAndPairsNavigationProperties() {
    java.util.Map<String, String> xml = java.util.Map.of("Accept", "application/xml", "BPMCSRF", admin.cookies.get("BPMCSRF"));
    String metadata = admin.send("GET", "/0/odata/$metadata", null, xml).body();
    assertTrue(metadata.contains("<edmx:Reference Uri=\"$vocabulary/Org.OData.Core.V1.xml\"><edmx:Include Namespace=\"Org.OData.Core.V1\" Alias=\"Core\">"),
        metadata.substring(0, Math.min(600, metadata.length())));
    String type = between(metadata, "<EntityType Name=\"" + set + "\">", "</EntityType>");
    for (String computed : List.of("CreatedOn", "CreatedById", "ModifiedOn", "ModifiedById")) {
      assertEquals(List.of("Core.Computed"), terms(type, computed), computed);
    }
    assertEquals(List.of("Core.ComputedDefaultValue", "Core.Immutable"), terms(type, "Id"));
    assertEquals(List.of(), terms(type, "Name"), "a column of the client's");
    java.util.regex.Matcher nav = java.util.regex.Pattern.compile("<NavigationProperty [^>]*>").matcher(metadata);
    int navigations = 0;
    List<String> unpaired = new ArrayList<>();
    while (nav.find()) {
      navigations++;
      if (!nav.group().contains(" Partner=\"")) {
        unpaired.add(nav.group());
      }
    }
    assertTrue(navigations > 100, "navigation properties: " + navigations);
    assertEquals(List.of(), unpaired, "every navigation property names its inverse");
    String lineType = between(metadata, "<EntityType Name=\"" + child + "\">", "</EntityType>");
    assertTrue(lineType.contains("<NavigationProperty Name=\"Parent\" Type=\"Atrium." + set + "\" Partner=\""
        + child + "CollectionByParent\""), lineType);
    assertTrue(type.contains("<NavigationProperty Name=\"" + child + "CollectionByParent\" Type=\"Collection(Atrium." + child
        + ")\" Partner=\"Parent\""), type);

    String entitySet = between(metadata, "<EntitySet Name=\"" + set + "\"", "</EntitySet>");
    String[][] capabilities = {
        {"TopSupported", "Bool.?.?true"}, {"SkipSupported", "Bool.?.?true"}, {"CountRestrictions", "Countable.*?true"},
        {"SearchRestrictions", "Searchable.*?false"}, {"FilterRestrictions", "Filterable.*?true"},
        {"SortRestrictions", "Sortable.*?true"}, {"ExpandRestrictions", "Expandable.*?true.*?MaxLevels.*?2"},
        {"InsertRestrictions", "Insertable.*?true"}, {"UpdateRestrictions", "Updatable.*?true"},
        {"DeleteRestrictions", "Deletable.*?true"},
    };
    for (String[] c : capabilities) {
      assertTrue(java.util.regex.Pattern.compile("Term=\"Capabilities\\." + c[0] + "\"[^<]*>.*?" + c[1] + ".*?</Annotation>",
          java.util.regex.Pattern.DOTALL).matcher(entitySet).find(), c[0] + " in " + entitySet);
    }
    Reply capabilitiesVocabulary = admin.send("GET", "/0/odata/$vocabulary/Org.OData.Capabilities.V1.xml", null, xml);
    assertEquals(200, capabilitiesVocabulary.status(), capabilitiesVocabulary.body());
    assertTrue(capabilitiesVocabulary.body().contains("<ComplexType Name=\"FilterRestrictionsType\">")
        && capabilitiesVocabulary.body().contains("<Term Name=\"FilterRestrictions\""), capabilitiesVocabulary.body());

    Reply vocabulary = admin.send("GET", "/0/odata/$vocabulary/Org.OData.Core.V1.xml", null, xml);
    assertEquals(200, vocabulary.status(), vocabulary.body());
    for (String term : List.of("Computed", "ComputedDefaultValue", "Immutable")) {
      assertTrue(vocabulary.body().contains("<Term Name=\"" + term + "\" Type=\"Edm.Boolean\""), vocabulary.body());
    }
    assertError(admin.send("GET", "/0/odata/$vocabulary/Org.OData.Nope.xml", null, xml), 404, "NOT_FOUND", "unknown vocabulary");

    JsonObject csdl = admin.api("GET", "/0/odata/$metadata?$format=json", null).json();
    JsonObject created = csdl.getJsonObject("Atrium").getJsonObject(set).getJsonObject("CreatedOn");
    assertTrue(created.getBoolean("@Core.Computed"), created.toString());
    assertTrue(csdl.getJsonObject("$Reference").containsKey("$vocabulary/Org.OData.Core.V1.xml"), csdl.getJsonObject("$Reference").toString());
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertTrue(from >= 0, start);
    return text.substring(from, text.indexOf(end, from));
  }

  /** The annotation terms of one property of an entity type's XML, in order. */
  private static List<String> terms(String type, String property) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<Property Name=\"" + property + "\"[^>]*?(/>|>(.*?)</Property>)",
        java.util.regex.Pattern.DOTALL).matcher(type);
    assertTrue(m.find(), property);
    List<String> terms = new ArrayList<>();
    java.util.regex.Matcher term = java.util.regex.Pattern.compile("<Annotation Term=\"([^\"]+)\"><Bool>true</Bool></Annotation>")
        .matcher(m.group(2) == null ? "" : m.group(2));
    while (term.find()) {
      terms.add(term.group(1));
    }
    return terms;
  }

  /** JSON $batch: dependsOn may name an atomicity group; ids and groups are checked before anything runs. */
  @Test
  void jsonBatchesFollowTheFormatsRulesForIdsAndGroups() {
    java.util.Map<String, String> json = java.util.Map.of("Accept", "application/json", "Content-Type", "application/json",
        "BPMCSRF", admin.cookies.get("BPMCSRF"));
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String post = "\"method\":\"POST\",\"url\":\"" + set + "\",\"body\":{\"Name\":\"Batch ";
    Reply ok = admin.send("POST", "/0/odata/$batch", "{\"requests\":["
        + "{\"id\":\"1\",\"atomicityGroup\":\"g\"," + post + "1 " + tag + "\"}},"
        + "{\"id\":\"2\",\"atomicityGroup\":\"g\"," + post + "2 " + tag + "\"}},"
        + "{\"id\":\"3\",\"dependsOn\":[\"g\"],\"method\":\"GET\",\"url\":\"" + set + "?$filter=" + q("contains(Name,'" + tag + "')")
        + "&$count=true\"}]}", json);
    assertEquals(200, ok.status(), ok.body());
    jakarta.json.JsonArray answers = ok.json().getJsonArray("responses");
    assertEquals(List.of(201, 201, 200), answers.stream().map(a -> a.asJsonObject().getInt("status")).toList(), ok.body());
    assertEquals(2, answers.getJsonObject(2).getJsonObject("body").getInt("@odata.count"), "the group ran before");
    answers.forEach(a -> assertNotNull(a.asJsonObject().getJsonObject("headers").getString("odata-version", null),
        "every answer names its version: " + a));

    Reply failed = admin.send("POST", "/0/odata/$batch", "{\"requests\":["
        + "{\"id\":\"1\",\"atomicityGroup\":\"g\"," + post + "3 " + tag + "\"}},"
        + "{\"id\":\"2\",\"atomicityGroup\":\"g\",\"method\":\"POST\",\"url\":\"" + set + "\",\"body\":{\"Hours\":1}},"
        + "{\"id\":\"3\",\"dependsOn\":[\"g\"]," + post + "4 " + tag + "\"}}]}",
        java.util.Map.of("Accept", "application/json", "Content-Type", "application/json", "BPMCSRF", admin.cookies.get("BPMCSRF"),
            "Prefer", "odata.continue-on-error"));
    assertEquals(List.of(424, 400, 424), failed.json().getJsonArray("responses").stream()
        .map(a -> a.asJsonObject().getInt("status")).toList(), failed.body());
    failed.json().getJsonArray("responses").forEach(a -> assertNotNull(
        a.asJsonObject().getJsonObject("headers").getString("odata-version", null), "every answer names its version: " + a));
    assertEquals(2, names("$filter=" + q("contains(Name,'" + tag + "')")).size(), "the failed group and its dependant changed nothing");

    String[][] refused = {
        {"{\"id\":\"1\",\"dependsOn\":[\"2\"],\"method\":\"GET\",\"url\":\"" + set + "\"},{\"id\":\"2\",\"method\":\"GET\",\"url\":\"" + set + "\"}", "a later request"},
        {"{\"id\":\"1\",\"dependsOn\":[\"nope\"],\"method\":\"GET\",\"url\":\"" + set + "\"}", "an unknown id"},
        {"{\"id\":\"1\",\"atomicityGroup\":\"g\",\"dependsOn\":[\"g\"]," + post + "x\"}}", "its own group"},
        {"{\"id\":\"1\",\"atomicityGroup\":\"g\"," + post + "x\"}},{\"id\":\"2\",\"method\":\"GET\",\"url\":\"" + set + "\"},"
            + "{\"id\":\"3\",\"atomicityGroup\":\"g\"," + post + "y\"}}", "a group that is not adjacent"},
        {"{\"id\":\"1\",\"method\":\"GET\",\"url\":\"" + set + "\"},{\"id\":\"1\",\"method\":\"GET\",\"url\":\"" + set + "\"}", "a repeated id"},
    };
    for (String[] row : refused) {
      assertError(admin.send("POST", "/0/odata/$batch", "{\"requests\":[" + row[0] + "]}", json), 400, "MALFORMED_REQUEST", row[1]);
    }
    assertEquals(0, names("$filter=" + q("Name eq 'Batch x' or Name eq 'Batch y'")).size(), "a refused batch runs nothing");
    odata("GET", set + "?$filter=" + q("contains(Name,'" + tag + "')"), null).json().getJsonArray("value")
        .forEach(v -> assertEquals(204, odata("DELETE", set + "(" + v.asJsonObject().getString("Id") + ")", null).status()));
  }

  /** Multipart $batch as RFC 2046 and the OData batch ABNF allow it: preamble, epilogue, padding, case, quoted boundary. */
  @Test
  void multipartBatchesAcceptWhatMultipartAllows() {
    String get = "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET " + set
        + "?$filter=" + q("Name eq 'A'") + " HTTP/1.1\r\nAccept: application/json\r\n\r\n\r\n";
    String[][] table = {
        {"batch_1", "--batch_1\r\n" + get + "--batch_1--\r\n", "plain"},
        {"batch_1", "A preamble, which readers ignore.\r\n--batch_1\r\n" + get + "--batch_1--\r\n", "a preamble"},
        {"batch_1", "--batch_1\r\n" + get + "--batch_1--\r\nAn epilogue.\r\n", "an epilogue"},
        {"batch_1", "--batch_1  \r\n" + get + "--batch_1--  \r\n", "transport padding after the delimiters"},
        {"batch_1", "--batch_1\r\n" + get.replace("Content-Type: application/http", "content-type: Application/HTTP")
            .replace("Content-Transfer-Encoding: binary", "CONTENT-TRANSFER-ENCODING: BINARY") + "--batch_1--\r\n", "header case"},
        {"\"batch_1\"", "--batch_1\r\n" + get + "--batch_1--\r\n", "a quoted boundary"},
        {"batch_1", "--batch_1\r\n" + get + "\r\n--batch_1--\r\n", "an extra blank line before the delimiter"},
    };
    List<String> refused = new ArrayList<>();
    for (String[] row : table) {
      Reply r = admin.send("POST", "/0/odata/$batch", row[1], java.util.Map.of("Accept", "multipart/mixed",
          "Content-Type", "multipart/mixed; boundary=" + row[0], "BPMCSRF", admin.cookies.get("BPMCSRF")));
      if (r.status() != 200 || !r.body().contains("HTTP/1.1 200") || !r.body().contains("\"Name\":\"A\"")) {
        refused.add(row[2] + ": " + r.status() + " " + r.body());
      }
    }
    assertEquals(List.of(), refused);
    Reply broken = admin.send("POST", "/0/odata/$batch", "--batch_1\r\n" + get, java.util.Map.of("Accept", "multipart/mixed",
        "Content-Type", "multipart/mixed; boundary=batch_1", "BPMCSRF", admin.cookies.get("BPMCSRF")));
    assertEquals(400, broken.status(), "no close delimiter: " + broken.body());
  }

  /** Sorting by a constant orders nothing: it is ignored, on its own and beside a real key. */
  @Test
  void constantSortKeysAreIgnored() {
    for (String key : List.of("8905", "'x'", "null", "1 add 2", "INF", "-1.5e3 desc", "true", "2026-01-01",
        "tolower('X')")) {
      assertEquals(3, names("$orderby=" + q(key)).size(), key);
      assertEquals(List.of("C", "B", "A"), names("$orderby=" + q(key + ",Name desc")), key);
    }
  }

  /**
   * Every system query option and the key, fed words of the OData grammar in random order and
   * random characters: each answer is 200, a 4xx with an OData error body, or a 501; never a 5xx
   * fault. Bounded: a fixed seed and a fixed number of requests.
   */
  @Test
  void noQueryOptionInputAnswers500() {
    String[] words = {
        "Name", "Amount", "Rate", "Hours", "Due", "Active", "Account", "AccountId", "Id", "CreatedOn", "ModifiedBy",
        child + "CollectionByParent", "Account/Name", "Nope", "eq", "ne", "gt", "ge", "lt", "le", "and", "or", "not", "add",
        "sub", "mul", "div", "mod", "in", "has", "asc", "desc", "any(x:x/Name eq 'a')", "all(x:true)", "$it", "$root",
        "$count", "$this", "(", ")", ",", ";", "/", "=", "'", "''", "'a'", "'it''s'", "null", "true", "false", "0", "-1",
        "10.5", "1e3", "-0.5", "INF", "-INF", "NaN", "1e999999", "99999999999999999999999", "2026-02-30", "2026-01-01",
        "2026-01-01T10:00:00Z", "10:00:00", "P1D", "duration'P1D'", "00000000-0000-0000-0000-000000000000",
        "binary'AA=='", "geography'POINT(0 0)'", "Atrium." + set, "contains(Name,'a')", "length(Name)", "now()",
        "year(Due)", "round(Amount)", "cast(Amount,Edm.String)", "isof(Edm.String)", "@p", "$select=Name",
        "$filter=Name eq 'a'", "$top=1", "$skip=1", "$count=true", "$orderby=Name", "$levels=2", "*", "%", "\"", "\\",
        "é", "\u0000", "<script>", "' or 1=1 --", "; DROP TABLE Contact", " ", "  ",
    };
    String[] options = {"$filter", "$orderby", "$select", "$expand", "$search", "$skiptoken", "$top", "$skip", "$count",
        "$format", "key"};
    Random random = new Random(26);
    List<String> faults = new ArrayList<>();
    int requests = 0;
    for (String option : options) {
      for (int i = 0; i < 60; i++) {
        StringBuilder input = new StringBuilder();
        int n = 1 + random.nextInt(6);
        for (int w = 0; w < n; w++) {
          if (random.nextInt(8) == 0) {
            input.append((char) (32 + random.nextInt(95)));
          } else {
            input.append(words[random.nextInt(words.length)]);
          }
          input.append(random.nextInt(3) == 0 ? "" : " ");
        }
        String value = input.toString().trim();
        String path = option.equals("key") ? set + "(" + q(value) + ")" : set + "?" + option + "=" + q(value);
        Reply r = odata("GET", path, null);
        requests++;
        if (r.status() >= 500 && r.status() != 501) {
          faults.add(r.status() + " " + path + " " + r.body());
        } else if (r.status() >= 400 && (r.body().isEmpty() || !r.body().startsWith("{\"error\""))) {
          faults.add(r.status() + " without an OData error body: " + path + " " + r.body());
        }
      }
    }
    assertEquals(11 * 60, requests);
    if (!faults.isEmpty()) {
      fail(faults.size() + " of " + requests + " inputs answered a fault:\n" + String.join("\n", faults));
    }
  }
}
