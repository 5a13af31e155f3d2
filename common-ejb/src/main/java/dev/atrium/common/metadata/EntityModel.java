package dev.atrium.common.metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A business object as the data layer uses it: its table (named like the object), the columns
 * every object has followed by its own in their order, and the column that names a record.
 */
public final class EntityModel {

  private final String name;
  private final String caption;
  private final String primaryDisplayColumn;
  private final int version;
  private final boolean systemObject;
  private final ObjectOptions options;
  private final RecordRightsState recordRightsState;
  private final List<EntityField> fields;
  private final Map<String, EntityField> byName = new LinkedHashMap<>();

  public EntityModel(String name, String caption, String primaryDisplayColumn, int version, boolean systemObject,
      List<EntityField> ownFields) {
    this(name, caption, primaryDisplayColumn, version, systemObject, ObjectOptions.NONE, ownFields);
  }

  public EntityModel(String name, String caption, String primaryDisplayColumn, int version, boolean systemObject,
      ObjectOptions options, List<EntityField> ownFields) {
    this(name, caption, primaryDisplayColumn, version, systemObject, options, RecordRightsState.CURRENT, ownFields);
  }

  public EntityModel(String name, String caption, String primaryDisplayColumn, int version, boolean systemObject,
      ObjectOptions options, RecordRightsState recordRightsState, List<EntityField> ownFields) {
    this.name = name;
    this.recordRightsState = recordRightsState;
    this.caption = caption;
    this.version = version;
    this.systemObject = systemObject;
    this.options = options;
    List<EntityField> all = new java.util.ArrayList<>();
    all.add(new EntityField("Id", "Id", "Id", ColumnType.GUID, true, true, null, true));
    all.add(new EntityField("CreatedOn", "CreatedOn", "Created on", ColumnType.DATE_TIME, true, false, null, true));
    all.add(new EntityField("CreatedBy", "CreatedById", "Created by", ColumnType.LOOKUP, false, false, "Contact", true));
    all.add(new EntityField("ModifiedOn", "ModifiedOn", "Modified on", ColumnType.DATE_TIME, true, false, null, true));
    all.add(new EntityField("ModifiedBy", "ModifiedById", "Modified by", ColumnType.LOOKUP, false, false, "Contact", true));
    all.addAll(ownFields);
    this.fields = List.copyOf(all);
    for (EntityField f : fields) {
      byName.put(f.name().toLowerCase(Locale.ROOT), f);
    }
    for (EntityField f : fields) {
      if (f.isLookup()) {
        byName.putIfAbsent(f.columnName().toLowerCase(Locale.ROOT), f);
      }
    }
    this.primaryDisplayColumn = primaryDisplayColumn == null ? null : field(primaryDisplayColumn).map(EntityField::name).orElse(null);
  }

  public String name() {
    return name;
  }

  /** The table; the same name as the object. */
  public String table() {
    return name;
  }

  public String caption() {
    return caption;
  }

  public int version() {
    return version;
  }

  public boolean systemObject() {
    return systemObject;
  }

  /** Owner column, permission and change-tracking flags. */
  public ObjectOptions options() {
    return options;
  }

  public RecordRightsState recordRightsState() {
    return recordRightsState;
  }

  /**
   * Whether the object's records have rights rows that the record layer keeps: it is administered
   * by records, so it has its rights table ({@code Sys<Object>Right}: the designer makes it for its
   * objects, Liquibase 1.7.3 for the CRM core's). New records get their default rights from then on.
   */
  public boolean recordRightsKept() {
    return options().administeredByRecords();
  }

  /**
   * Whether record permissions apply to the object's records: their rights are kept and the
   * records that existed before have theirs ({@link RecordRightsState#FIRST_PENDING} not, so they
   * stay open as before until the background job has given them).
   */
  public boolean recordRightsInForce() {
    return recordRightsKept() && recordRightsState != RecordRightsState.FIRST_PENDING;
  }

  /** The lookup to Contact that holds a record's owner, if the object has one. */
  public Optional<EntityField> ownerField() {
    return field(options.ownerColumn()).filter(EntityField::isLookup);
  }

  /** The column that names a record (shown for lookups), if the object has one. */
  public Optional<EntityField> displayField() {
    return primaryDisplayColumn == null ? Optional.empty() : field(primaryDisplayColumn);
  }

  public List<EntityField> fields() {
    return fields;
  }

  /** A column by its name or, for a lookup, its column name ({@code Account} or {@code AccountId}), case-insensitively. */
  public Optional<EntityField> field(String fieldName) {
    return fieldName == null ? Optional.empty() : Optional.ofNullable(byName.get(fieldName.toLowerCase(Locale.ROOT)));
  }
}
