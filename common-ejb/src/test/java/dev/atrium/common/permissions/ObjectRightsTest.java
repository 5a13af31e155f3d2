package dev.atrium.common.permissions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObjectRightsTest {

  static final UUID SALES = UUID.randomUUID();
  static final UUID EMPLOYEES = UUID.randomUUID();
  static final UUID ANN = UUID.randomUUID();

  // Ann first (read only), then Sales (everything), then All employees (read)
  final ObjectRights rights = new ObjectRights(Map.of("usrdeal", List.of(
      new ObjectRight(ANN, true, false, false, false),
      new ObjectRight(SALES, true, true, true, true),
      new ObjectRight(EMPLOYEES, true, false, false, false))));

  @Test
  void theFirstEntryNamingTheCallerOrTheirRolesDecides() {
    assertTrue(rights.allows("UsrDeal", List.of(UUID.randomUUID(), SALES, EMPLOYEES), ObjectOperation.DELETE));
    assertTrue(rights.allows("UsrDeal", List.of(ANN, SALES, EMPLOYEES), ObjectOperation.READ));
    assertFalse(rights.allows("UsrDeal", List.of(ANN, SALES, EMPLOYEES), ObjectOperation.EDIT),
        "Ann's own entry comes first and denies, though her role would allow");
    assertFalse(rights.allows("UsrDeal", List.of(UUID.randomUUID(), EMPLOYEES), ObjectOperation.CREATE));
  }

  @Test
  void noMatchingEntryRefuses() {
    assertFalse(rights.allows("UsrDeal", List.of(UUID.randomUUID()), ObjectOperation.READ));
    assertFalse(rights.allows("Other", List.of(SALES), ObjectOperation.READ), "an object without entries");
  }
}
