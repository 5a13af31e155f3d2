package dev.atrium.common.query;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Turns a value from a client (a JSON scalar, an OData literal) into the Java type of a column,
 * or refuses it with 400 {@code VALIDATION_FAILED} naming the column. Date-times are UTC: an
 * offset is converted, a value without one is taken as UTC.
 */
public final class Values {

  private Values() {}

  public static Object coerce(Object raw, EntityField field) {
    if (raw == null) {
      return null;
    }
    try {
      Object value = convert(raw, field.javaType());
      if (value instanceof String s && field.maxLength() > 0 && s.length() > field.maxLength()) {
        throw invalid(field, "must have at most " + field.maxLength() + " characters");
      }
      if (value instanceof BigDecimal d && beyond(d, field) != 0) {
        int places = places(field);
        throw invalid(field, "must have at most " + (18 - places) + " digits before the decimal point");
      }
      return value;
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      throw invalid(field, "is not a valid " + field.type().apiName() + " value");
    }
  }

  /**
   * Whether a number lies beyond what a numeric column can hold: 1 above its largest value, -1
   * below its smallest, 0 within (or not a numeric column). DECIMAL(18,8) and DECIMAL(18,2) round
   * further places (the database does), but more digits do not fit; an Integer holds 32 bits.
   */
  public static int beyond(BigDecimal number, EntityField field) {
    if (field.type() == ColumnType.INTEGER) {
      return number.compareTo(INT_MAX) > 0 ? 1 : number.compareTo(INT_MIN) < 0 ? -1 : 0;
    }
    if (field.type() != ColumnType.DECIMAL && field.type() != ColumnType.MONEY) {
      return 0;
    }
    int places = places(field);
    BigDecimal stored = number.setScale(places, RoundingMode.HALF_UP);
    return stored.precision() - stored.scale() <= 18 - places ? 0 : stored.signum();
  }

  private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);

  private static int places(EntityField field) {
    return field.type() == ColumnType.MONEY ? 2 : 8;
  }

  static Object convert(Object raw, Class<?> type) {
    if (type.isInstance(raw)) {
      return raw;
    }
    if (type == String.class) {
      if (raw instanceof Number || raw instanceof Boolean || raw instanceof UUID) {
        return raw.toString();
      }
    } else if (type == Integer.class) {
      if (raw instanceof Number n) {
        return new BigDecimal(n.toString()).intValueExact();
      }
      return Integer.valueOf(raw.toString().trim());
    } else if (type == BigDecimal.class) {
      return new BigDecimal(raw.toString().trim());
    } else if (type == Boolean.class) {
      String s = raw.toString().trim();
      if ("true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s)) {
        return Boolean.valueOf(s);
      }
    } else if (type == UUID.class) {
      return UUID.fromString(raw.toString().trim());
    } else if (type == LocalDateTime.class) {
      return dateTime(raw);
    } else if (type == LocalDate.class) {
      return date(raw);
    } else if (type == LocalTime.class) {
      if (raw instanceof Calendar c) {
        return dateTime(c).toLocalTime();
      }
      return LocalTime.parse(raw.toString().trim());
    } else if (type == byte[].class) {
      return Base64.getDecoder().decode(raw.toString());
    }
    throw new IllegalArgumentException("cannot convert " + raw.getClass().getSimpleName());
  }

  /** A date is the calendar day the client wrote: an offset it gave is not converted away. */
  private static LocalDate date(Object raw) {
    if (raw instanceof LocalDateTime t) {
      return t.toLocalDate();
    }
    if (raw instanceof OffsetDateTime o) {
      return o.toLocalDate();
    }
    if (raw instanceof ZonedDateTime z) {
      return z.toLocalDate();
    }
    if (raw instanceof Calendar c) {
      return LocalDate.of(c.get(Calendar.YEAR), c.get(Calendar.MONTH) + 1, c.get(Calendar.DAY_OF_MONTH));
    }
    String s = raw.toString().trim();
    if (s.length() <= 10) {
      return LocalDate.parse(s);
    }
    try {
      return OffsetDateTime.parse(s).toLocalDate();
    } catch (DateTimeParseException noOffset) {
      return LocalDateTime.parse(s).toLocalDate();
    }
  }

  private static LocalDateTime dateTime(Object raw) {
    if (raw instanceof Calendar c) {
      return LocalDateTime.ofInstant(c.toInstant(), ZoneOffset.UTC);
    }
    if (raw instanceof Date d) {
      return LocalDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC);
    }
    if (raw instanceof OffsetDateTime o) {
      return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (raw instanceof ZonedDateTime z) {
      return z.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (raw instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    String s = raw.toString().trim();
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay();
    }
    try {
      return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    } catch (DateTimeParseException noOffset) {
      return LocalDateTime.parse(s);
    }
  }

  static AtriumException invalid(EntityField field, String problem) {
    return new AtriumException(ErrorCode.VALIDATION_FAILED, "The value of " + field.name() + " " + problem + ".",
        List.of(new FieldError(field.name(), problem)));
  }
}
