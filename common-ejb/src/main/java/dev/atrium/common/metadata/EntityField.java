package dev.atrium.common.metadata;

/**
 * A column of a business object as the data layer uses it: {@code name} is what APIs call it
 * ({@code Account} for a lookup), {@code columnName} what the table calls it ({@code AccountId}).
 * {@code reference} is the object a lookup refers to, null otherwise. {@code system} marks the
 * columns every object has ({@code Id}, {@code CreatedOn}, ...), which clients never write.
 * {@code defaultValue} (of {@link #javaType()}, or null) is what a new record gets when the client
 * gives no value.
 */
public record EntityField(String name, String columnName, String caption, ColumnType type, boolean required,
    boolean unique, String reference, boolean system, Object defaultValue) {

  public EntityField(String name, String columnName, String caption, ColumnType type, boolean required,
      boolean unique, String reference, boolean system) {
    this(name, columnName, caption, type, required, unique, reference, system, null);
  }

  /** A column as the designer records it: its name, caption and how the database holds it; no default. */
  public static EntityField of(String name, String caption, ColumnPlan plan) {
    return new EntityField(name, plan.column(), caption, plan.type(), plan.required(), plan.unique(),
        plan.referencedTable(), false);
  }

  /** The same column with a default value (of {@link #javaType()}). */
  public EntityField withDefault(Object value) {
    return new EntityField(name, columnName, caption, type, required, unique, reference, system, value);
  }

  public boolean isLookup() {
    return type == ColumnType.LOOKUP;
  }

  /** The Java type values of this column have in the data layer. */
  public Class<?> javaType() {
    return switch (type) {
      case SHORT_TEXT, TEXT, LONG_TEXT, MAX_TEXT, RICH_TEXT, EMAIL, PHONE, WEB -> String.class;
      case INTEGER -> Integer.class;
      case DECIMAL, MONEY -> java.math.BigDecimal.class;
      case BOOLEAN -> Boolean.class;
      case DATE -> java.time.LocalDate.class;
      case TIME -> java.time.LocalTime.class;
      case DATE_TIME -> java.time.LocalDateTime.class;
      case GUID, LOOKUP -> java.util.UUID.class;
      case BINARY -> byte[].class;
    };
  }

  /** The longest text the column holds, or 0 when unbounded or not text. */
  public int maxLength() {
    return type.maxLength();
  }
}
