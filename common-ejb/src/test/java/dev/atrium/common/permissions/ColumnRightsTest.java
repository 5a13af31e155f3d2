package dev.atrium.common.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ColumnRightsTest {

  static final UUID ANN = UUID.randomUUID();
  static final UUID SALES = UUID.randomUUID();
  static final UUID EMPLOYEES = UUID.randomUUID();

  final ColumnRights rights = new ColumnRights(Map.of("usrdeal", Map.of(
      "amount", List.of(new ColumnRight(ANN, ColumnAccess.DENY), new ColumnRight(SALES, ColumnAccess.EDIT),
          new ColumnRight(EMPLOYEES, ColumnAccess.READ)))));

  @Test
  void theFirstEntryNamingTheCallerOrOneOfTheirRolesDecides() {
    assertEquals(ColumnAccess.DENY, rights.access("UsrDeal", "Amount", List.of(ANN, SALES, EMPLOYEES)),
        "the user's own entry comes first");
    assertEquals(ColumnAccess.EDIT, rights.access("UsrDeal", "Amount", List.of(UUID.randomUUID(), SALES, EMPLOYEES)));
    assertEquals(ColumnAccess.READ, rights.access("UsrDeal", "Amount", List.of(UUID.randomUUID(), EMPLOYEES)));
  }

  @Test
  void aColumnWithEntriesIsClosedToWhomNoneNamesAndOneWithoutIsOpen() {
    assertEquals(ColumnAccess.DENY, rights.access("UsrDeal", "Amount", List.of(UUID.randomUUID())));
    assertEquals(ColumnAccess.EDIT, rights.access("UsrDeal", "Name", List.of(UUID.randomUUID())));
    assertEquals(ColumnAccess.EDIT, rights.access("Other", "Amount", List.of()));
  }

  @Test
  void levelsAndWireValuesRoundTrip() {
    for (ColumnAccess a : ColumnAccess.values()) {
      assertEquals(a, ColumnAccess.ofLevel(a.level()));
      assertEquals(a, ColumnAccess.ofWire(a.wire()).orElseThrow());
      assertEquals(true, a.wire().matches(ColumnAccess.WIRE_PATTERN));
    }
    assertEquals(List.of(false, true, true), List.of(ColumnAccess.values()).stream().map(ColumnAccess::reads).toList());
    assertEquals(List.of(false, false, true), List.of(ColumnAccess.values()).stream().map(ColumnAccess::edits).toList());
  }
}
