package dev.atrium.common.metadata;

/**
 * What the metadata says about an object beyond its columns. {@code ownerColumn} names its lookup
 * to Contact that holds a record's owner (a new record without one is owned by the contact of the
 * user who creates it), or is null. The flags switch on object permissions (who may read, add,
 * edit, delete its records), record permissions, column permissions and change tracking; they are
 * recorded here and enforced where records are read and written ({@code RecordService}).
 * {@code section} is the caption of the object's section in the browser workspace (an entry in its
 * navigation, "Contacts"), or null when it is not a section. {@code boardColumn} names the lookup
 * whose values are the columns of the object's board in the workspace (Opportunity by Stage), or is
 * null: the object has no board.
 */
public record ObjectOptions(String ownerColumn, boolean administeredByOperations, boolean administeredByRecords,
    boolean administeredByColumns, boolean trackChanges, String section, String boardColumn) {

  public static final ObjectOptions NONE = new ObjectOptions(null, false, false, false, false, null, null);

  /** The same options with another owner column (null: none). */
  public ObjectOptions withOwnerColumn(String column) {
    return new ObjectOptions(column, administeredByOperations, administeredByRecords, administeredByColumns,
        trackChanges, section, boardColumn);
  }

  /** The same options with another board column (null: no board). */
  public ObjectOptions withBoardColumn(String column) {
    return new ObjectOptions(ownerColumn, administeredByOperations, administeredByRecords, administeredByColumns,
        trackChanges, section, column);
  }
}
