package dev.atrium.common.data;

import dev.atrium.common.infrastructure.GuidConverter;
import dev.atrium.common.metadata.Dbms;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.metadata.Identifiers;
import dev.atrium.common.metadata.RecordRightsTable;
import dev.atrium.common.metadata.ObjectModel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.persistence.config.CacheIsolationType;
import org.eclipse.persistence.dynamic.DynamicClassLoader;
import org.eclipse.persistence.dynamic.DynamicHelper;
import org.eclipse.persistence.dynamic.DynamicType;
import org.eclipse.persistence.dynamic.DynamicTypeBuilder;
import org.eclipse.persistence.jpa.dynamic.JPADynamicTypeBuilder;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.eclipse.persistence.internal.databaseaccess.Platform;
import org.eclipse.persistence.mappings.OneToOneMapping;
import org.eclipse.persistence.platform.database.H2Platform;
import org.eclipse.persistence.platform.database.OraclePlatform;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.eclipse.persistence.platform.database.SQLServerPlatform;

/**
 * The EclipseLink entity types of one {@link ObjectModel}: a dynamic entity per business object,
 * mapped to its table, with a direct attribute per column ({@code AccountId} for a lookup) and a
 * read-only relation per lookup ({@code Account}) that queries follow through outer joins.
 *
 * <p>Types are built together (lookups refer to each other) and registered in the session; a new
 * model gets new types under a package of its own, and the old ones stay (EclipseLink edits its
 * descriptor lists without a lock when a type is removed). Descriptors are isolated: no record is cached beyond its unit of work, so every node
 * of a farm reads what any node wrote.
 */
public final class EntityTypes {

  private static final AtomicLong GENERATIONS = new AtomicLong();

  private final ObjectModel model;
  private final String packageName;
  private final Map<String, DynamicType> types = new LinkedHashMap<>();
  private final Map<String, DynamicType> rightsTypes = new LinkedHashMap<>();

  private EntityTypes(ObjectModel model, String packageName) {
    this.model = model;
    this.packageName = packageName;
  }

  /** Builds the types of {@code model} and adds them to the helper's session. */
  public static EntityTypes register(ObjectModel model, DynamicHelper helper) {
    EntityTypes built = new EntityTypes(model, "dev.atrium.objects.g" + GENERATIONS.incrementAndGet());
    DynamicClassLoader loader = helper.getDynamicClassLoader();
    Dbms dbms = dbmsOf(helper.getSession().getDatasourcePlatform());
    Map<String, DynamicTypeBuilder> builders = new LinkedHashMap<>();
    for (EntityModel object : model.objects()) {
      Class<?> javaClass = loader.createDynamicClass(built.packageName + "." + object.name());
      DynamicTypeBuilder builder = new JPADynamicTypeBuilder(javaClass, null, object.table());
      builder.getType().getDescriptor().setAlias(built.packageName.replace('.', '_') + "_" + object.name());
      builder.getType().getDescriptor().setCacheIsolation(CacheIsolationType.ISOLATED);
      builder.setPrimaryKeyFields("Id"); // before any lookup refers to the type
      if (Identifiers.isReservedOnAny(object.table())) {
        // A shipped object named by a reserved word (Case): its table was created quoted.
        builder.getType().getDescriptor().getTables().forEach(t -> t.setUseDelimiters(true));
      }
      builders.put(key(object.name()), builder);
    }
    for (EntityModel object : model.objects()) {
      DynamicTypeBuilder builder = builders.get(key(object.name()));
      for (EntityField field : object.fields()) {
        DirectToFieldMapping direct = builder.addDirectMapping(attribute(field), field.javaType(), field.columnName());
        if (dbms != null && Identifiers.isReserved(field.columnName(), dbms)) {
          direct.getField().setUseDelimiters(true); // e.g. Case.Number on Oracle, created quoted there
        }
        if (field.javaType() == UUID.class) {
          direct.setConverter(new GuidConverter());
        }
        DynamicTypeBuilder target = field.isLookup() ? builders.get(key(field.reference())) : null;
        if (target != null) {
          OneToOneMapping relation = builder.addOneToOneMapping(field.name(), target.getType(), field.columnName());
          relation.setIsReadOnly(true);
        }
      }
    }
    Map<String, DynamicTypeBuilder> rights = new LinkedHashMap<>();
    for (EntityModel object : model.objects()) {
      if (object.recordRightsKept()) {
        rights.put(key(object.name()), rightsType(loader, built.packageName, object));
      }
    }
    DynamicType[] all = Stream.concat(builders.values().stream(), rights.values().stream())
        .map(DynamicTypeBuilder::getType).toArray(DynamicType[]::new);
    helper.addTypes(false, false, all);
    for (Map.Entry<String, DynamicTypeBuilder> e : builders.entrySet()) {
      built.types.put(e.getKey(), e.getValue().getType());
    }
    rights.forEach((k, b) -> built.rightsTypes.put(k, b.getType()));
    return built;
  }

  /** The type of an object's record permissions ({@link RecordRightsTable}), read by the query compiler only. */
  private static DynamicTypeBuilder rightsType(DynamicClassLoader loader, String packageName, EntityModel object) {
    Class<?> javaClass = loader.createDynamicClass(packageName + "." + object.name() + "Right");
    DynamicTypeBuilder builder = new JPADynamicTypeBuilder(javaClass, null, RecordRightsTable.of(object.table()));
    builder.getType().getDescriptor().setAlias(packageName.replace('.', '_') + "_" + object.name() + "_Right");
    builder.getType().getDescriptor().setCacheIsolation(CacheIsolationType.ISOLATED);
    builder.setPrimaryKeyFields("RecordId", "SysAdminUnitId", "Operation");
    builder.addDirectMapping("RecordId", UUID.class, "RecordId").setConverter(new GuidConverter());
    builder.addDirectMapping("SysAdminUnitId", UUID.class, "SysAdminUnitId").setConverter(new GuidConverter());
    builder.addDirectMapping("Operation", Integer.class, "Operation");
    builder.addDirectMapping("RightLevel", Integer.class, "RightLevel");
    builder.addDirectMapping("Source", Integer.class, "Source");
    return builder;
  }

  /** The type of an object's record permissions, if it is administered by records. */
  public Optional<DynamicType> rightsType(String objectName) {
    return Optional.ofNullable(rightsTypes.get(key(objectName)));
  }

  /** The DBMS behind an EclipseLink platform, or null for one Atrium does not support. */
  static Dbms dbmsOf(Platform platform) {
    if (platform instanceof OraclePlatform) {
      return Dbms.ORACLE;
    }
    if (platform instanceof SQLServerPlatform) {
      return Dbms.MSSQL;
    }
    if (platform instanceof PostgreSQLPlatform) {
      return Dbms.POSTGRESQL;
    }
    return platform instanceof H2Platform ? Dbms.H2 : null;
  }

  public ObjectModel model() {
    return model;
  }

  /** The type of an object, by the object's name (case-insensitive). */
  public DynamicType type(String objectName) {
    DynamicType type = types.get(key(objectName));
    if (type == null) {
      throw new IllegalArgumentException("No entity type for " + objectName);
    }
    return type;
  }

  /**
   * The attribute that holds a column's value: the column's name, except for a lookup, whose
   * GUID is held by {@code <Name>Id} while {@code <Name>} is the relation.
   */
  public static String attribute(EntityField field) {
    return field.isLookup() ? field.columnName() : field.name();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
