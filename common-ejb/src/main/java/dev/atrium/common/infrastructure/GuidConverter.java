package dev.atrium.common.infrastructure;

import java.nio.ByteBuffer;
import java.sql.Types;
import java.util.UUID;
import org.eclipse.persistence.internal.databaseaccess.DatabasePlatform;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.converters.Converter;
import org.eclipse.persistence.platform.database.OraclePlatform;
import org.eclipse.persistence.platform.database.SQLServerPlatform;
import org.eclipse.persistence.sessions.Session;

/**
 * GUID columns on every supported DBMS, NULL included. EclipseLink 4.0's own UUID conversion
 * fails on NULL and binds one way for all; the column types differ: {@code uuid} on PostgreSQL and
 * H2 (bound as {@link UUID}), {@code uniqueidentifier} on MS SQL Server (bound as text),
 * {@code RAW(16)} on Oracle (bound as 16 bytes, big-endian).
 * Used through {@code @Convert("guid")} on every GUID attribute.
 */
public class GuidConverter implements Converter {

  public static final String NAME = "guid";

  private enum Binding { UUID_OBJECT, TEXT, BYTES }

  private Binding binding = Binding.UUID_OBJECT;

  @Override
  public void initialize(DatabaseMapping mapping, Session session) {
    binding = bindingOf(session);
    if (mapping.getField() != null) {
      mapping.getField().setType(switch (binding) {
        case TEXT -> String.class;
        case BYTES -> byte[].class;
        case UUID_OBJECT -> UUID.class;
      });
      // The JDBC type NULLs are bound with: PostgreSQL refuses a VARCHAR NULL for a uuid column.
      mapping.getField().setSqlType(switch (binding) {
        case TEXT -> Types.VARCHAR;
        case BYTES -> Types.VARBINARY;
        case UUID_OBJECT -> Types.OTHER;
      });
    }
  }

  private static Binding bindingOf(Session session) {
    DatabasePlatform platform = (DatabasePlatform) session.getDatasourcePlatform();
    if (platform instanceof SQLServerPlatform) {
      return Binding.TEXT;
    } else if (platform instanceof OraclePlatform) {
      return Binding.BYTES;
    }
    return Binding.UUID_OBJECT;
  }

  /** What a native statement of this session binds for a GUID parameter: what the mappings bind. */
  public static Object bindable(UUID uuid, Session session) {
    return bind(uuid, bindingOf(session));
  }

  @Override
  public Object convertObjectValueToDataValue(Object objectValue, Session session) {
    return bind((UUID) objectValue, binding);
  }

  private static Object bind(UUID uuid, Binding binding) {
    if (uuid == null) {
      return null;
    }
    return switch (binding) {
      case TEXT -> uuid.toString();
      case BYTES -> ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
          .putLong(uuid.getLeastSignificantBits()).array();
      case UUID_OBJECT -> uuid;
    };
  }

  @Override
  public Object convertDataValueToObjectValue(Object dataValue, Session session) {
    return toUuid(dataValue);
  }

  /** Whatever a driver returns for a GUID column, as a {@link UUID}. */
  static UUID toUuid(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof UUID uuid) {
      return uuid;
    }
    if (value instanceof byte[] bytes && bytes.length == 16) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      return new UUID(b.getLong(), b.getLong());
    }
    return UUID.fromString(value.toString().trim());
  }

  @Override
  public boolean isMutable() {
    return false;
  }
}
