package dev.atrium.common.domain;

import dev.atrium.common.metadata.ObjectOptions;
import dev.atrium.common.metadata.RecordRightsState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * The metadata of a business object (table {@code SysSchema}): its name, which is also its
 * table's name, caption and primary display column, its owner column and its permission and
 * change-tracking flags ({@link ObjectOptions}); its columns are {@link ObjectColumn}s.
 * {@code Version} grows with every change, so nodes and clients can tell one shape of the object
 * from the next. Its row has the system columns of every object's row.
 */
@Entity
@Table(name = "SysSchema")
public class ObjectSchema extends CrmRecord {

  @Column(name = "Name", nullable = false, length = 30, updatable = false)
  private String name;

  @Column(name = "Caption", nullable = false, length = 250)
  private String caption;

  @Column(name = "PrimaryDisplayColumn", length = 30)
  private String primaryDisplayColumn;

  @Column(name = "IsSystem", nullable = false)
  private boolean system;

  @Column(name = "Version", nullable = false)
  private int version;

  @Column(name = "OwnerColumn", length = 30)
  private String ownerColumn;

  @Column(name = "IsAdministeredByOperations", nullable = false)
  private boolean administeredByOperations;

  @Column(name = "IsAdministeredByRecords", nullable = false)
  private boolean administeredByRecords;

  @Column(name = "IsAdministeredByColumns", nullable = false)
  private boolean administeredByColumns;

  @Column(name = "IsTrackChanges", nullable = false)
  private boolean trackChanges;

  @Column(name = "SectionCaption", length = 250)
  private String section;

  @Column(name = "BoardColumn", length = 30)
  private String boardColumn;

  @Column(name = "RecordRightsState", nullable = false)
  private int recordRightsState;

  protected ObjectSchema() {}

  public ObjectSchema(String name, String caption, UUID byContactId, LocalDateTime nowUtc) {
    this.name = name;
    this.caption = caption;
    this.version = 1;
    stampCreated(byContactId, nowUtc);
  }

  /** Records a change of the object or its columns. */
  public void touch(UUID byContactId, LocalDateTime nowUtc) {
    stampModified(byContactId, nowUtc);
    version++;
  }

  public String getName() {
    return name;
  }

  public String getCaption() {
    return caption;
  }

  public String getPrimaryDisplayColumn() {
    return primaryDisplayColumn;
  }

  public void setCaption(String caption) {
    this.caption = caption;
  }

  public void setPrimaryDisplayColumn(String primaryDisplayColumn) {
    this.primaryDisplayColumn = primaryDisplayColumn;
  }

  public boolean isSystem() {
    return system;
  }

  public int getVersion() {
    return version;
  }

  public ObjectOptions getOptions() {
    return new ObjectOptions(ownerColumn, administeredByOperations, administeredByRecords, administeredByColumns,
        trackChanges, section, boardColumn);
  }

  public void setOptions(ObjectOptions options) {
    this.ownerColumn = options.ownerColumn();
    this.administeredByOperations = options.administeredByOperations();
    this.administeredByRecords = options.administeredByRecords();
    this.administeredByColumns = options.administeredByColumns();
    this.trackChanges = options.trackChanges();
    this.section = options.section();
    this.boardColumn = options.boardColumn();
  }

  public RecordRightsState getRecordRightsState() {
    return RecordRightsState.ofCode(recordRightsState);
  }

  public void setRecordRightsState(RecordRightsState state) {
    this.recordRightsState = state.code();
  }
}
