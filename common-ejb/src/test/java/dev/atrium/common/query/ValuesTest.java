package dev.atrium.common.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.metadata.ColumnType;
import dev.atrium.common.metadata.EntityField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Client values become the column's Java type, or a 400 that names the column. */
class ValuesTest {

  private static EntityField field(ColumnType type) {
    return new EntityField("F", "F", "F", type, false, false, null, false);
  }

  private static void refused(Object raw, ColumnType type) {
    AtriumException e = assertThrows(AtriumException.class, () -> Values.coerce(raw, field(type)));
    assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
    assertEquals("F", e.fieldErrors().get(0).field());
  }

  @Test
  void decimalsMustFitTheirColumnBeforeThePoint() {
    assertEquals(new BigDecimal("9999999999999999.99"), Values.coerce("9999999999999999.99", field(ColumnType.MONEY)));
    refused("12345678901234567.5", ColumnType.MONEY);
    refused("9999999999999999.999", ColumnType.MONEY); // rounds up to 17 digits
    assertEquals(new BigDecimal("1234567890.12345678"), Values.coerce(new BigDecimal("1234567890.12345678"), field(ColumnType.DECIMAL)));
    refused(new BigDecimal("12345678901"), ColumnType.DECIMAL);
    assertEquals(42, Values.coerce(new BigDecimal("42"), field(ColumnType.INTEGER)));
    refused(new BigDecimal("4.2"), ColumnType.INTEGER);
    refused("lots", ColumnType.MONEY);
  }

  @Test
  void numbersBeyondANumericColumnAreAboveOrBelowAllItsValues() {
    assertEquals(0, Values.beyond(new BigDecimal("9999999999999999.99"), field(ColumnType.MONEY)));
    assertEquals(1, Values.beyond(new BigDecimal("9999999999999999.999"), field(ColumnType.MONEY)));
    assertEquals(-1, Values.beyond(new BigDecimal("-1e20"), field(ColumnType.MONEY)));
    assertEquals(0, Values.beyond(new BigDecimal("0.000000001"), field(ColumnType.DECIMAL)));
    assertEquals(1, Values.beyond(new BigDecimal("1e10"), field(ColumnType.DECIMAL)));
    assertEquals(0, Values.beyond(new BigDecimal("2147483647"), field(ColumnType.INTEGER)));
    assertEquals(1, Values.beyond(new BigDecimal("2147483648"), field(ColumnType.INTEGER)));
    assertEquals(-1, Values.beyond(new BigDecimal("-2147483648.5"), field(ColumnType.INTEGER)));
    assertEquals(0, Values.beyond(new BigDecimal("4.5"), field(ColumnType.INTEGER)), "a fraction within the range");
    assertEquals(0, Values.beyond(new BigDecimal("1e40"), field(ColumnType.TEXT)), "not a numeric column");
  }

  @Test
  void aDateIsTheDayTheClientWroteAndADateTimeIsUtc() {
    assertEquals(LocalDate.of(2026, 3, 31), Values.coerce("2026-03-31T00:00:00+03:00", field(ColumnType.DATE)));
    assertEquals(LocalDate.of(2026, 3, 31), Values.coerce(OffsetDateTime.parse("2026-03-31T23:30:00-05:00"), field(ColumnType.DATE)));
    assertEquals(LocalDateTime.of(2026, 3, 30, 21, 0), Values.coerce("2026-03-31T00:00:00+03:00", field(ColumnType.DATE_TIME)));
    assertEquals(LocalDateTime.of(2026, 3, 31, 0, 0), Values.coerce("2026-03-31", field(ColumnType.DATE_TIME)));
    refused("31/03/2026", ColumnType.DATE);
  }

  @Test
  void textGuidsAndBooleansAreChecked() {
    refused("x".repeat(51), ColumnType.SHORT_TEXT);
    assertEquals("x".repeat(50), Values.coerce("x".repeat(50), field(ColumnType.SHORT_TEXT)));
    UUID id = UUID.randomUUID();
    assertEquals(id, Values.coerce(id.toString(), field(ColumnType.LOOKUP)));
    refused("not-a-guid", ColumnType.GUID);
    assertEquals(Boolean.TRUE, Values.coerce("TRUE", field(ColumnType.BOOLEAN)));
    refused("yes", ColumnType.BOOLEAN);
  }
}
