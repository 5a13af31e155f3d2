package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.ODataClientErrorException;
import org.apache.olingo.client.api.communication.request.ODataRequest;
import org.apache.olingo.client.api.communication.request.cud.UpdateType;
import org.apache.olingo.client.api.communication.response.ODataEntityCreateResponse;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.api.domain.ClientObjectFactory;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.format.ContentType;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OData 4 at {@code /0/odata/} on PostgreSQL, over objects the designer creates while the server
 * runs: Apache Olingo's own client reads the model and writes records; raw HTTP pins the wire
 * (query options, expand, paging, errors, entity tags, batches).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ODataIT {

  private static final String PASSWORD = "Od-ata-Pa55word!";
  private static AtriumClient admin;
  private static String project;
  private static String task;
  private static String account;
  private static String accountName;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  /** Two objects made at run time: projects (lookup to Account) and their tasks (lookup to a project). */
  @BeforeAll
  static void objects() {
    admin = AtriumClient.supervisor();
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    project = "UsrOdProj" + suffix;
    task = "UsrOdTask" + suffix;
    created(admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + project + "\",\"Caption\":\"Project\",\"Columns\":["
        + "{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true},{\"Name\":\"Code\",\"Type\":\"ShortText\",\"Unique\":true},"
        + "{\"Name\":\"Budget\",\"Type\":\"Money\"},{\"Name\":\"Hours\",\"Type\":\"Integer\"},"
        + "{\"Name\":\"StartDate\",\"Type\":\"Date\"},{\"Name\":\"Active\",\"Type\":\"Boolean\"},"
        + "{\"Name\":\"Account\",\"Type\":\"Lookup\",\"Reference\":\"Account\"},"
        + "{\"Name\":\"Contract\",\"Type\":\"Binary\"}]}"));
    created(admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + task + "\",\"Columns\":["
        + "{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true},{\"Name\":\"Hours\",\"Type\":\"Integer\"},"
        + "{\"Name\":\"Project\",\"Type\":\"Lookup\",\"Reference\":\"" + project + "\"}]}"));
    accountName = "OData Customer " + suffix;
    account = created(odata("POST", "Account", "{\"Name\":\"" + accountName + "\"}")).getString("Id");
  }

  private static JsonObject created(Reply r) {
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  private static Reply odata(String method, String path, String body) {
    return admin.api(method, "/0/odata/" + path, body);
  }

  private static String q(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String newProject(String name, String code, int hours, String budget, String startDate, boolean active) {
    return created(odata("POST", project, "{\"Name\":\"" + name + "\",\"Code\":\"" + code + "\",\"Hours\":" + hours
        + ",\"Budget\":" + budget + ",\"StartDate\":\"" + startDate + "\",\"Active\":" + active
        + ",\"AccountId\":\"" + account + "\"}")).getString("Id");
  }

  private static List<String> names(Reply r) {
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("value").stream().map(v -> v.asJsonObject().getString("Name")).toList();
  }

  // ---- a real OData client -------------------------------------------------------------------

  private ODataClient client() {
    ODataClient client = ODataClientFactory.getClient();
    client.getConfiguration().setDefaultPubFormat(ContentType.APPLICATION_JSON);
    return client;
  }

  private <R extends ODataRequest> R signed(R request) {
    request.addCustomHeader("Cookie", admin.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; ")));
    request.addCustomHeader("BPMCSRF", admin.cookies.get("BPMCSRF"));
    return request;
  }

  private String serviceRoot() {
    return System.getProperty("atrium.it.base-url", "http://127.0.0.1:8180") + "/0/odata";
  }

  @Test
  void theOlingoClientReadsTheModelGeneratedFromTheMetadata() {
    ODataClient client = client();
    Edm edm = signed(client.getRetrieveRequestFactory().getMetadataRequest(serviceRoot())).execute().getBody();
    EdmEntityType contact = edm.getEntityType(new FullQualifiedName("Atrium", "Contact"));
    assertEquals(List.of("Id"), contact.getKeyPredicateNames());
    assertEquals(EdmPrimitiveTypeKind.Guid.getFullQualifiedName(), contact.getStructuralProperty("AccountId").getType().getFullQualifiedName());
    assertEquals("Account", contact.getNavigationProperty("Account").getType().getName());
    assertTrue(edm.getEntityType(new FullQualifiedName("Atrium", "Account")).getNavigationProperty("ContactCollectionByAccount").isCollection());
    EdmEntityType p = edm.getEntityType(new FullQualifiedName("Atrium", project));
    assertNotNull(p, "an object created at run time is in $metadata without a restart");
    assertEquals("Edm.Decimal", p.getStructuralProperty("Budget").getType().getFullQualifiedName().getFullQualifiedNameAsString());
    assertEquals(2, p.getStructuralProperty("Budget").getScale());
    assertEquals("Edm.Date", p.getStructuralProperty("StartDate").getType().getFullQualifiedName().getFullQualifiedNameAsString());
    assertFalse(p.getStructuralProperty("Name").isNullable());
    assertTrue(p.getNavigationProperty(task + "CollectionByProject").isCollection());
    assertNotNull(edm.getEntityContainer().getEntitySet(task));
  }

  @Test
  void theOlingoClientCreatesReadsUpdatesAndDeletesRecordsOfARunTimeObject() {
    ODataClient client = client();
    ClientObjectFactory f = client.getObjectFactory();
    ClientEntity entity = f.newEntity(new FullQualifiedName("Atrium", project));
    entity.getProperties().add(f.newPrimitiveProperty("Name", f.newPrimitiveValueBuilder().buildString("Client project")));
    entity.getProperties().add(f.newPrimitiveProperty("Hours", f.newPrimitiveValueBuilder().buildInt32(12)));
    entity.getProperties().add(f.newPrimitiveProperty("Budget", f.newPrimitiveValueBuilder().buildDecimal(new BigDecimal("1999.95"))));
    entity.getProperties().add(f.newPrimitiveProperty("AccountId", f.newPrimitiveValueBuilder().buildGuid(UUID.fromString(account))));
    URI set = client.newURIBuilder(serviceRoot()).appendEntitySetSegment(project).build();
    ODataEntityCreateResponse<ClientEntity> create = signed(client.getCUDRequestFactory().getEntityCreateRequest(set, entity)).execute();
    assertEquals(201, create.getStatusCode());
    UUID id = UUID.fromString(create.getBody().getProperty("Id").getPrimitiveValue().toString());
    URI one = client.newURIBuilder(serviceRoot()).appendEntitySetSegment(project).appendKeySegment(id).build();

    ClientEntity read = signed(client.getRetrieveRequestFactory().getEntityRequest(one)).execute().getBody();
    assertEquals("Client project", read.getProperty("Name").getPrimitiveValue().toString());
    assertEquals(0, new BigDecimal("1999.95").compareTo(new BigDecimal(read.getProperty("Budget").getPrimitiveValue().toString())));
    assertNotNull(read.getETag(), "records carry an entity tag");

    ClientEntity patch = f.newEntity(new FullQualifiedName("Atrium", project));
    patch.getProperties().add(f.newPrimitiveProperty("Hours", f.newPrimitiveValueBuilder().buildInt32(40)));
    assertEquals(204, signed(client.getCUDRequestFactory().getEntityUpdateRequest(one, UpdateType.PATCH, patch)).execute().getStatusCode());

    URI filtered = client.newURIBuilder(serviceRoot()).appendEntitySetSegment(project)
        .filter("Hours ge 40 and AccountId eq " + account).orderBy("Name").count(true).build();
    ClientEntitySet found = signed(client.getRetrieveRequestFactory().getEntitySetRequest(filtered)).execute().getBody();
    assertEquals(List.of("Client project"), found.getEntities().stream()
        .map(e -> e.getProperty("Name").getPrimitiveValue().toString()).toList());
    assertEquals(1, found.getCount());

    assertEquals(204, signed(client.getCUDRequestFactory().getDeleteRequest(one)).execute().getStatusCode());
    ODataClientErrorException gone = assertThrows(ODataClientErrorException.class,
        () -> signed(client.getRetrieveRequestFactory().getEntityRequest(one)).execute());
    assertEquals(404, gone.getStatusLine().getStatusCode());
    assertEquals("NOT_FOUND", gone.getODataError().getCode());
  }

  // ---- the wire ------------------------------------------------------------------------------

  @Test
  void serviceDocumentAndRecordsFollowTheWireContract() {
    Reply doc = odata("GET", "", null);
    assertEquals(200, doc.status(), doc.body());
    assertTrue(doc.json().getJsonArray("value").stream().anyMatch(v -> v.asJsonObject().getString("name").equals("Contact")));
    String id = newProject("Wire", "W-" + UUID.randomUUID().toString().substring(0, 6), 3, "10.50", "2026-03-01", true);
    Reply r = odata("GET", project + "(" + id + ")", null);
    assertEquals(200, r.status(), r.body());
    JsonObject p = r.json();
    assertEquals(id, p.getString("Id"));
    assertEquals(account, p.getString("AccountId"));
    assertEquals("2026-03-01", p.getString("StartDate"));
    assertTrue(p.getString("CreatedOn").endsWith("Z"), "date-times are UTC: " + p.getString("CreatedOn"));
    assertTrue(p.containsKey("CreatedById") && p.containsKey("ModifiedOn") && p.containsKey("ModifiedById"));
    assertTrue(p.getString("@odata.context").endsWith("$metadata#" + project + "/$entity"), p.getString("@odata.context"));
    assertEquals(p.getString("@odata.etag"), r.header("ETag").orElseThrow());
  }

  @Test
  void filtersOrderPagesAndCountsCompileToOneQuery() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    newProject("Alpha " + tag, "A-" + tag, 10, "100.00", "2025-01-15", true);
    newProject("Beta " + tag, "B-" + tag, 20, "250.00", "2026-02-01", false);
    newProject("Gamma " + tag, "G-" + tag, 30, "75.25", "2026-07-04", true);
    String mine = "contains(Name,'" + tag + "')";
    assertEquals(List.of("Beta " + tag, "Gamma " + tag), names(odata("GET", project + "?$filter=" + q(mine + " and Hours gt 15") + "&$orderby=Name", null)));
    assertEquals(List.of("Gamma " + tag, "Beta " + tag, "Alpha " + tag), names(odata("GET", project + "?$filter=" + q(mine) + "&$orderby=Hours%20desc", null)));
    assertEquals(List.of("Alpha " + tag), names(odata("GET", project + "?$filter=" + q(mine + " and startswith(Code,'A-')"), null)));
    assertEquals(List.of("Gamma " + tag), names(odata("GET", project + "?$filter=" + q(mine + " and endswith(Code,'" + tag + "') and Hours mul 2 eq 60"), null)));
    assertEquals(List.of("Alpha " + tag, "Gamma " + tag), names(odata("GET", project + "?$filter=" + q(mine + " and Active") + "&$orderby=Name", null)));
    assertEquals(List.of("Alpha " + tag), names(odata("GET", project + "?$filter=" + q(mine + " and year(StartDate) eq 2025"), null)));
    assertEquals(List.of("Beta " + tag, "Gamma " + tag), names(odata("GET", project + "?$filter=" + q(mine + " and Code in ('B-" + tag + "','G-" + tag + "')") + "&$orderby=Name", null)));
    assertEquals(List.of("Beta " + tag), names(odata("GET", project + "?$filter=" + q(mine + " and Budget gt 100 and not (Hours eq 10)"), null)));
    assertEquals(List.of("Alpha " + tag, "Beta " + tag), names(odata("GET", project + "?$filter=" + q(mine + " and StartDate lt 2026-06-01") + "&$orderby=StartDate", null)));
    assertEquals(List.of("Alpha " + tag), names(odata("GET", project + "?$filter=" + q(mine + " and Account/Name eq '" + accountName + "' and tolower(Name) eq 'alpha " + tag + "'"), null)));

    Reply page = odata("GET", project + "?$filter=" + q(mine) + "&$orderby=Name&$skip=1&$top=1&$count=true&$select=Name,Hours", null);
    assertEquals(List.of("Beta " + tag), names(page));
    assertEquals(3, page.json().getInt("@odata.count"));
    assertFalse(page.json().getJsonArray("value").getJsonObject(0).containsKey("Budget"), "$select leaves other columns out");
    Reply count = odata("GET", project + "/$count?$filter=" + q(mine + " and Active"), null);
    assertEquals(200, count.status(), count.body());
    assertEquals("2", count.body().trim());
  }

  @Test
  void lambdasAndExpandFollowLookupsAndBackReferences() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String busy = newProject("Busy " + tag, "BU-" + tag, 1, "1", "2026-01-01", true);
    String idle = newProject("Idle " + tag, "ID-" + tag, 1, "1", "2026-01-01", true);
    for (int h : new int[] {2, 8}) {
      created(odata("POST", task, "{\"Name\":\"Task " + h + " " + tag + "\",\"Hours\":" + h + ",\"ProjectId\":\"" + busy + "\"}"));
    }
    String mine = "contains(Name,'" + tag + "')";
    String tasks = task + "CollectionByProject";
    assertEquals(List.of("Busy " + tag), names(odata("GET", project + "?$filter=" + q(mine + " and " + tasks + "/any(t:t/Hours gt 5)"), null)));
    assertEquals(List.of("Busy " + tag, "Idle " + tag), names(odata("GET", project + "?$filter=" + q(mine + " and " + tasks + "/all(t:t/Hours lt 10)") + "&$orderby=Name", null)));
    assertEquals(List.of("Idle " + tag), names(odata("GET", project + "?$filter=" + q(mine + " and not " + tasks + "/any()"), null)));

    Reply expanded = odata("GET", project + "(" + busy + ")?$expand=" + q("Account($select=Name)," + tasks + "($orderby=Hours desc;$expand=Project($select=Code))"), null);
    assertEquals(200, expanded.status(), expanded.body());
    JsonObject p = expanded.json();
    assertEquals(accountName, p.getJsonObject("Account").getString("Name"));
    JsonArray children = p.getJsonArray(tasks);
    assertEquals(List.of(8, 2), children.stream().map(c -> c.asJsonObject().getInt("Hours")).toList());
    assertEquals("BU-" + tag, children.getJsonObject(0).getJsonObject("Project").getString("Code"));
    Reply idleExpanded = odata("GET", project + "(" + idle + ")?$expand=" + tasks, null);
    assertEquals(0, idleExpanded.json().getJsonArray(tasks).size());

    Reply tooDeep = odata("GET", task + "?$expand=" + q("Project($expand=Account($expand=Owner))"), null);
    assertError(tooDeep, 400, "QUERY_LIMIT_EXCEEDED");
    Reply byParent = odata("GET", project + "(" + busy + ")/" + tasks + "?$orderby=Hours", null);
    assertEquals(List.of("Task 2 " + tag, "Task 8 " + tag), names(byParent));
  }

  @Test
  void theShippedCrmCoreIsServedLikeAnyObject() {
    Reply statuses = odata("GET", "CaseStatus?$filter=" + q("Name eq 'New'"), null);
    String status = statuses.json().getJsonArray("value").getJsonObject(0).getString("Id");
    String number = "CS-" + UUID.randomUUID().toString().substring(0, 8);
    created(odata("POST", "Case", "{\"Number\":\"" + number + "\",\"Subject\":\"Printer on fire\",\"StatusId\":\"" + status
        + "\",\"AccountId\":\"" + account + "\"}"));
    Reply found = odata("GET", "Case?$filter=" + q("Number eq '" + number + "' and Status/Name eq 'New'") + "&$expand=Status($select=Name)", null);
    assertEquals(List.of("Printer on fire"), found.json().getJsonArray("value").stream()
        .map(v -> v.asJsonObject().getString("Subject")).toList(), found.body());
    assertEquals("New", found.json().getJsonArray("value").getJsonObject(0).getJsonObject("Status").getString("Name"));
    Reply byAccount = odata("GET", "Account(" + account + ")?$expand=" + q("CaseCollectionByAccount($select=Number)"), null);
    assertEquals(number, byAccount.json().getJsonArray("CaseCollectionByAccount").getJsonObject(0).getString("Number"));
    for (String object : List.of("Activity", "Lead", "Opportunity", "OpportunityStage", "City", "Country", "AccountType")) {
      assertEquals(200, odata("GET", object + "?$top=1", null).status(), object);
    }
    assertError(odata("POST", "Case", "{\"Number\":\"" + number + "\",\"Subject\":\"Duplicate\"}"), 409, "CONFLICT");
  }

  @Test
  void longResultsArePagedByTheServerWithANextLink() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 5; i++) {
      newProject("Page " + i + " " + tag, "P" + i + "-" + tag, i, "1", "2026-01-01", true);
    }
    List<String> seen = new ArrayList<>();
    String next = "/0/odata/" + project + "?$filter=" + q("contains(Name,'" + tag + "')") + "&$orderby=Name";
    int pages = 0;
    while (next != null && pages < 10) {
      Reply r = admin.send("GET", next, null, Map.of("Accept", "application/json", "BPMCSRF", admin.cookies.get("BPMCSRF"),
          "Prefer", "odata.maxpagesize=2"));
      assertEquals(200, r.status(), r.body());
      assertEquals("odata.maxpagesize=2", r.header("Preference-Applied").orElse(null));
      seen.addAll(names(r));
      next = r.json().containsKey("@odata.nextLink") ? URI.create(r.json().getString("@odata.nextLink")).getRawPath() + "?"
          + URI.create(r.json().getString("@odata.nextLink")).getRawQuery() : null;
      pages++;
    }
    assertEquals(3, pages);
    assertEquals(List.of(0, 1, 2, 3, 4).stream().map(i -> "Page " + i + " " + tag).toList(), seen);
  }

  @Test
  void badRequestsGetODataErrorsWithStableCodesAndChangeNothing() {
    assertError(odata("GET", project + "?$filter=" + q("Nope eq 1"), null), 400, "UNKNOWN_COLUMN");
    assertError(odata("GET", "UsrNothingHere", null), 404, "NOT_FOUND");
    assertError(odata("GET", project + "(not-a-guid)", null), 400, "INVALID_IDENTIFIER");
    assertError(odata("GET", project + "?$filter=" + q("Name eq"), null), 400, "QUERY_INVALID");
    assertError(odata("GET", project + "(" + UUID.randomUUID() + ")", null), 404, "NOT_FOUND");
    assertError(odata("POST", project, "{\"Hours\":5}"), 400, "VALIDATION_FAILED");
    assertError(odata("POST", project, "{\"Name\":\"x\",\"AccountId\":\"" + UUID.randomUUID() + "\"}"), 400, "UNKNOWN_REFERENCE");
    assertError(odata("POST", project, "{\"Name\":\"" + "x".repeat(251) + "\"}"), 400, "VALIDATION_FAILED");
    assertError(odata("POST", project, "{\"Name\":\"x\",\"CreatedOn\":\"2020-01-01T00:00:00Z\"}"), 400, "VALIDATION_FAILED");
    String code = "DUP-" + UUID.randomUUID().toString().substring(0, 6);
    newProject("Dup", code, 1, "1", "2026-01-01", true);
    assertError(odata("POST", project, "{\"Name\":\"Dup again\",\"Code\":\"" + code + "\"}"), 409, "CONFLICT");
    assertEquals(1, names(odata("GET", project + "?$filter=" + q("Code eq '" + code + "'"), null)).size());
    assertError(odata("DELETE", "Account(" + account + ")", null), 409, "RECORD_IN_USE");
    assertEquals(200, odata("GET", project + "?$top=20001", null).status(), "a $top beyond the page size is paged");
    String many = java.util.stream.IntStream.range(0, 250).mapToObj(i -> "Hours eq " + i).collect(Collectors.joining(" or "));
    assertError(odata("GET", project + "?$filter=" + q(many), null), 400, "QUERY_LIMIT_EXCEEDED");
    Reply r = odata("GET", project + "?$filter=" + q("Nope eq 1"), null);
    assertFalse(r.body().contains("Exception"), r.body());
  }

  @Test
  void aZeroTopCountsWithoutReadingAndExpandServesHundredsOfParents() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String parent = newProject("Many " + tag, "M-" + tag, 1, "1", "2026-01-01", true);
    for (int batch = 0; batch < 3; batch++) {
      StringBuilder items = new StringBuilder();
      for (int i = 0; i < 100; i++) {
        items.append(i == 0 ? "" : ",").append("{\"__type\":\"Terrasoft.Nui.ServiceModel.DataContract.InsertQuery\",\"RootSchemaName\":\"")
            .append(task).append("\",\"ColumnValues\":{\"Items\":{\"Name\":{\"ExpressionType\":2,\"Parameter\":{\"DataValueType\":1,\"Value\":\"T")
            .append(batch * 100 + i).append(' ').append(tag).append("\"}},\"Project\":{\"ExpressionType\":2,\"Parameter\":{\"DataValueType\":10,\"Value\":\"")
            .append(parent).append("\"}}}}}");
      }
      Reply inserted = admin.api("POST", "/0/DataService/json/SyncReply/BatchQuery", "{\"items\":[" + items + "]}");
      assertEquals(200, inserted.status(), inserted.body());
    }
    String mine = "?$filter=" + q("contains(Name,'" + tag + "')");
    Reply none = odata("GET", task + mine + "&$top=0&$count=true", null);
    assertEquals(200, none.status(), none.body());
    assertEquals(0, none.json().getJsonArray("value").size(), "$top=0 reads no record");
    assertEquals(300, none.json().getInt("@odata.count"));
    Reply children = odata("GET", task + mine + "&$expand=" + q("Project($select=Code)"), null);
    assertEquals(300, children.json().getJsonArray("value").size(), children.body().substring(0, Math.min(300, children.body().length())));
    assertTrue(children.json().getJsonArray("value").stream()
        .allMatch(v -> ("M-" + tag).equals(v.asJsonObject().getJsonObject("Project").getString("Code"))));
    Reply parentWithAll = odata("GET", project + "(" + parent + ")?$expand=" + task + "CollectionByProject($select=Name)", null);
    assertEquals(300, parentWithAll.json().getJsonArray(task + "CollectionByProject").size());
  }

  @Test
  void decimalsAreReadAsNumbersOrAsTextAndMustFitTheirColumn() {
    Map<String, String> ieee = Map.of("Accept", "application/json", "BPMCSRF", admin.cookies.get("BPMCSRF"),
        "Content-Type", "application/json;odata.metadata=minimal;IEEE754Compatible=true");
    for (String budget : List.of("10.5", "\"10.5\"")) {
      Reply r = admin.send("POST", "/0/odata/" + project, "{\"Name\":\"IEEE " + budget.length() + "\",\"Budget\":" + budget + "}", ieee);
      assertEquals(201, r.status(), budget + ": " + r.body());
    }
    assertError(odata("POST", project, "{\"Name\":\"Huge\",\"Budget\":12345678901234567.5}"), 400, "VALIDATION_FAILED");
  }

  @Test
  void unsupportedRequestsAreRefusedNotIgnored() {
    assertError(odata("GET", project + "?$search=alpha", null), 501, "NOT_IMPLEMENTED");
    String tasks = task + "CollectionByProject";
    assertError(odata("GET", project + "?$filter=" + q(tasks + "/any(t:t/Project/" + tasks + "/any(u:t/Hours gt 1))"), null),
        501, "NOT_IMPLEMENTED");
    String id = newProject("Five oh one", "F-" + UUID.randomUUID().toString().substring(0, 6), 1, "1", "2026-01-01", true);
    assertError(odata("PUT", project + "(" + id + ")/Name", "{\"value\":\"Renamed\"}"), 501, "NOT_IMPLEMENTED");
    assertEquals("Five oh one", odata("GET", project + "(" + id + ")/Name", null).json().getString("value"), "unchanged");
    assertError(odata("GET", project + "?$filter=" + "(".repeat(100) + "Hours%20eq%201" + ")".repeat(100), null), 400, "QUERY_LIMIT_EXCEEDED");
  }

  @Test
  void binaryColumnsAreMediaReadAndWrittenOnTheirOwn() {
    String id = newProject("With a contract", "M-" + UUID.randomUUID().toString().substring(0, 6), 1, "1", "2026-01-01", true);
    String path = "/0/odata/" + project + "(" + id + ")/Contract";
    byte[] contract = new byte[70_000];
    new Random(7).nextBytes(contract); // every byte value, not text
    HttpResponse<byte[]> empty = admin.media("GET", path, null, Map.of());
    assertEquals(204, empty.statusCode(), "no content yet");
    String before = empty.headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> put = admin.media("PUT", path, contract, Map.of("Content-Type", "application/pdf", "If-Match", before));
    assertEquals(204, put.statusCode(), new String(put.body(), StandardCharsets.UTF_8));
    String after = put.headers().firstValue("ETag").orElseThrow();
    assertNotEquals(before, after, "storing media changes its record");
    for (String form : List.of(path, path + "/$value")) {
      HttpResponse<byte[]> read = admin.media("GET", form, null, Map.of("Accept", "application/octet-stream"));
      assertEquals(200, read.statusCode(), form);
      assertArrayEquals(contract, read.body(), form);
      assertEquals("application/octet-stream", read.headers().firstValue("Content-Type").orElseThrow());
      assertEquals(after, read.headers().firstValue("ETag").orElseThrow());
    }

    HttpResponse<byte[]> stale = admin.media("PUT", path + "/$value", new byte[] {1, 2, 3},
        Map.of("Content-Type", "application/octet-stream", "If-Match", before));
    assertEquals(412, stale.statusCode(), "a stale tag changes nothing");
    assertArrayEquals(contract, admin.media("GET", path, null, Map.of()).body());

    JsonObject record = odata("GET", project + "(" + id + ")", null).json();
    assertFalse(record.containsKey("Contract"), "records are read without their media: " + record);
    String metadata = admin.send("GET", "/0/odata/$metadata", null,
        Map.of("Accept", "application/xml", "BPMCSRF", admin.cookies.get("BPMCSRF"))).body();
    java.util.regex.Matcher property = java.util.regex.Pattern.compile("<Property Name=\"Contract\"[^>]*>").matcher(metadata);
    assertTrue(property.find(), metadata);
    assertTrue(property.group().contains("Type=\"Edm.Stream\""), "a binary column is a stream property: " + property.group());
    assertEquals(400, odata("GET", project + "?$filter=" + q("Contract eq null"), null).status());
    assertError(odata("DELETE", project + "(" + id + ")/Hours", null), 501, "NOT_IMPLEMENTED");
    assertEquals(1, odata("GET", project + "(" + id + ")/Hours", null).json().getInt("value"), "still set");

    assertEquals(204, admin.media("DELETE", path, null, Map.of()).statusCode());
    assertEquals(204, admin.media("GET", path, null, Map.of()).statusCode(), "deleting media clears the column");
    assertEquals(404, admin.media("GET", "/0/odata/" + project + "(" + UUID.randomUUID() + ")/Contract", null, Map.of())
        .statusCode());
    assertEquals(401, AtriumClient.forItServer().media("GET", path, null, Map.of()).statusCode(),
        "media needs a session like any OData request");
  }

  @Test
  void aPercentEncodedPathStillNeedsTheCsrfHeader() {
    Map<String, String> noCsrf = Map.of("Accept", "application/json", "Content-Type", "application/json");
    Reply dataService = admin.send("POST", "/0/%44ataService/json/SyncReply/DeleteQuery", "{\"RootSchemaName\":\"" + project
        + "\",\"Filters\":{\"FilterType\":1,\"ComparisonType\":3,\"LeftExpression\":{\"ExpressionType\":0,\"ColumnPath\":\"Name\"},"
        + "\"RightExpression\":{\"ExpressionType\":2,\"Parameter\":{\"DataValueType\":1,\"Value\":\"x\"}}}}", noCsrf);
    assertEquals(403, dataService.status(), dataService.body());
    assertEquals("CSRF_TOKEN_INVALID", dataService.json().getString("ErrorCode"));
    Reply odataEncoded = admin.send("POST", "/0/%6Fdata/" + project, "{\"Name\":\"no csrf\"}", noCsrf);
    assertEquals(403, odataEncoded.status(), odataEncoded.body());
  }

  @Test
  void entityTagsStopLostUpdates() {
    String id = newProject("Tagged", "T-" + UUID.randomUUID().toString().substring(0, 6), 1, "1", "2026-01-01", true);
    String etag = odata("GET", project + "(" + id + ")", null).header("ETag").orElseThrow();
    Map<String, String> ifMatch = new LinkedHashMap<>(Map.of("Accept", "application/json", "Content-Type", "application/json",
        "BPMCSRF", admin.cookies.get("BPMCSRF"), "If-Match", etag));
    assertEquals(204, admin.send("PATCH", "/0/odata/" + project + "(" + id + ")", "{\"Hours\":2}", ifMatch).status());
    Reply stale = admin.send("PATCH", "/0/odata/" + project + "(" + id + ")", "{\"Hours\":3}", ifMatch);
    assertError(stale, 412, "PRECONDITION_FAILED");
    assertEquals(2, odata("GET", project + "(" + id + ")", null).json().getInt("Hours"));
    Reply put = odata("PUT", project + "(" + id + ")", "{\"Name\":\"Replaced\"}");
    assertEquals(204, put.status(), put.body());
    JsonObject after = odata("GET", project + "(" + id + ")", null).json();
    assertEquals("Replaced", after.getString("Name"));
    assertEquals(JsonValue.NULL, after.get("Hours"), "PUT replaces the record: what it leaves out is cleared");
  }

  @Test
  void batchChangeSetsAreAtomic() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String good = batch(List.of(
        changeSet(post(project, "{\"Name\":\"Batch A " + tag + "\"}"), post(project, "{\"Name\":\"Batch B " + tag + "\"}")),
        "GET " + project + "?$filter=" + q("contains(Name,'" + tag + "')") + " HTTP/1.1\r\nAccept: application/json\r\n\r\n\r\n"), null);
    assertTrue(good.contains("201 Created") && good.contains("Batch B " + tag), good);
    String bad = batch(List.of(changeSet(post(project, "{\"Name\":\"Batch C " + tag + "\"}"), post(project, "{\"Hours\":1}"))), null);
    assertTrue(bad.contains("400 Bad Request"), bad);
    assertEquals(List.of("Batch A " + tag, "Batch B " + tag),
        names(odata("GET", project + "?$filter=" + q("contains(Name,'" + tag + "')") + "&$orderby=Name", null)),
        "the failed change set left nothing behind");
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add("GET " + project + "?$top=1 HTTP/1.1\r\nAccept: application/json\r\n\r\n\r\n");
    }
    String refused = batch(tooMany, 400);
    assertTrue(refused.contains("QUERY_LIMIT_EXCEEDED"), refused);
  }

  @Test
  void jsonBatchesRunAtomicityGroupsInOneTransaction() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    Map<String, String> json = Map.of("Accept", "application/json", "Content-Type", "application/json",
        "BPMCSRF", admin.cookies.get("BPMCSRF"));
    Reply failed = admin.send("POST", "/0/odata/$batch", "{\"requests\":["
        + "{\"id\":\"a\",\"atomicityGroup\":\"g1\",\"method\":\"POST\",\"url\":\"" + project + "\",\"body\":{\"Name\":\"Json A " + tag + "\"}},"
        + "{\"id\":\"b\",\"atomicityGroup\":\"g1\",\"method\":\"POST\",\"url\":\"" + project + "\",\"body\":{\"Hours\":1}}]}", json);
    assertEquals(200, failed.status(), failed.body());
    JsonArray answers = failed.json().getJsonArray("responses");
    assertEquals(List.of(424, 400), answers.stream().map(a -> a.asJsonObject().getInt("status")).toList(), failed.body());
    assertEquals("VALIDATION_FAILED", answers.getJsonObject(1).getJsonObject("body").getJsonObject("error").getString("code"));
    assertEquals(List.of(), names(odata("GET", project + "?$filter=" + q("contains(Name,'" + tag + "')"), null)),
        "the group was rolled back");

    Reply done = admin.send("POST", "/0/odata/$batch", "{\"requests\":["
        + "{\"id\":\"1\",\"atomicityGroup\":\"g2\",\"method\":\"POST\",\"url\":\"" + project + "\",\"body\":{\"Name\":\"Json B " + tag + "\"}},"
        + "{\"id\":\"2\",\"atomicityGroup\":\"g2\",\"method\":\"POST\",\"url\":\"" + project + "\",\"body\":{\"Name\":\"Json C " + tag + "\"}},"
        + "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"" + project + "?$filter=" + q("contains(Name,'" + tag + "')") + "&$orderby=Name\"}]}", json);
    JsonArray ok = done.json().getJsonArray("responses");
    assertEquals(List.of(201, 201, 200), ok.stream().map(a -> a.asJsonObject().getInt("status")).toList(), done.body());
    assertTrue(ok.getJsonObject(0).getJsonObject("headers").getString("location").contains(project + "("));
    assertEquals(List.of("Json B " + tag, "Json C " + tag), ok.getJsonObject(2).getJsonObject("body").getJsonArray("value")
        .stream().map(v -> v.asJsonObject().getString("Name")).toList());

    Map<String, String> continuing = new java.util.HashMap<>(json);
    continuing.put("Prefer", "odata.continue-on-error");
    Reply chained = admin.send("POST", "/0/odata/$batch", "{\"requests\":["
        + "{\"id\":\"p\",\"method\":\"POST\",\"url\":\"" + project + "\",\"body\":{\"Name\":\"Json D " + tag + "\"}},"
        + "{\"id\":\"g\",\"dependsOn\":[\"p\"],\"method\":\"GET\",\"url\":\"$p?$select=Name\"},"
        + "{\"id\":\"x\",\"method\":\"POST\",\"url\":\"" + project + "\",\"body\":{\"Hours\":1}},"
        + "{\"id\":\"y\",\"dependsOn\":[\"x\"],\"method\":\"GET\",\"url\":\"" + project + "\"}]}", continuing);
    JsonArray links = chained.json().getJsonArray("responses");
    assertEquals(List.of(201, 200, 400, 424), links.stream().map(a -> a.asJsonObject().getInt("status")).toList(), chained.body());
    assertEquals("Json D " + tag, links.getJsonObject(1).getJsonObject("body").getString("Name"), "$p is the record p created");

    StringBuilder many = new StringBuilder("{\"requests\":[");
    for (int i = 0; i < 101; i++) {
      many.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"method\":\"GET\",\"url\":\"").append(project).append("\"}");
    }
    assertError(admin.send("POST", "/0/odata/$batch", many.append("]}").toString(), json), 400, "QUERY_LIMIT_EXCEEDED");
  }

  private static String post(String set, String json) {
    return "POST " + set + " HTTP/1.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n\r\n" + json + "\r\n";
  }

  private static String changeSet(String... requests) {
    StringBuilder b = new StringBuilder("Content-Type: multipart/mixed; boundary=changeset_1\r\n\r\n");
    int n = 0;
    for (String r : requests) {
      b.append("--changeset_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: ")
          .append(++n).append("\r\n\r\n").append(r).append("\r\n");
    }
    return b.append("--changeset_1--\r\n").toString();
  }

  /** Sends a multipart batch; parts are change sets (starting with Content-Type) or single requests. */
  private static String batch(List<String> parts, Integer expectedStatus) {
    StringBuilder body = new StringBuilder();
    for (String part : parts) {
      body.append("--batch_1\r\n");
      if (part.startsWith("Content-Type: multipart/mixed")) {
        body.append(part);
      } else {
        body.append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n").append(part);
      }
    }
    body.append("--batch_1--\r\n");
    Reply r = admin.send("POST", "/0/odata/$batch", body.toString(), Map.of("Content-Type", "multipart/mixed; boundary=batch_1",
        "Accept", "multipart/mixed", "BPMCSRF", admin.cookies.get("BPMCSRF")));
    assertEquals(expectedStatus == null ? 200 : expectedStatus, r.status(), r.body());
    return r.body();
  }

  @Test
  void usingODataNeedsItsOperation() throws Exception {
    String name = TestData.uniqueName("odatauser");
    TestData.createUser(name, PASSWORD, TestData.USER, true, "AllEmployees");
    AtriumClient employee = AtriumClient.forItServer().signedInAs(name, PASSWORD);
    assertEquals(200, employee.api("GET", "/0/odata/Contact?$top=1", null).status(),
        "All employees hold CanUseODataService (the browser workspace is built on OData)");
    String outsider = TestData.uniqueName("odatanorole");
    TestData.createUser(outsider, PASSWORD, TestData.USER, true);
    AtriumClient user = AtriumClient.forItServer().signedInAs(outsider, PASSWORD);
    assertError(user.api("GET", "/0/odata/Contact", null), 403, "ACCESS_DENIED");
    assertError(AtriumClient.forItServer().api("GET", "/0/odata/Contact", null), 401, "AUTHENTICATION_REQUIRED");
  }

  private static void assertError(Reply r, int status, String code) {
    assertEquals(status, r.status(), r.body());
    JsonObject error = r.json().getJsonObject("error");
    assertNotNull(error.getString("message"));
    if (code != null) {
      assertEquals(code, error.getString("code"), r.body());
    }
  }
}
