package dev.atrium.common.data;

import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a caller may reach through the record layer: which objects they may read, which columns
 * they may read and change, and which records they may read, change and delete. The query compiler and the record store ask it; the access
 * rights decide it ({@code dev.atrium.common.permissions.AccessPolicy}).
 */
public interface RecordAccess {

  /** Everything: for the server's own work. */
  RecordAccess ALL = new RecordAccess() {
    @Override
    public boolean readsObject(EntityModel object) {
      return true;
    }

    @Override
    public boolean readsColumn(EntityModel object, EntityField field) {
      return true;
    }

    @Override
    public boolean changesColumn(EntityModel object, EntityField field, boolean insert) {
      return true;
    }

    @Override
    public Optional<List<UUID>> recordGrantees(EntityModel object, RecordOperation operation) {
      return Optional.empty();
    }
  };

  boolean readsObject(EntityModel object);

  boolean readsColumn(EntityModel object, EntityField field);

  /** Whether the caller may set the column on a new record ({@code insert}) or change it on one that exists. */
  boolean changesColumn(EntityModel object, EntityField field, boolean insert);

  /**
   * Under record permissions, the units (the caller and their roles) one of which a record's
   * rights must name for the operation; empty when every record is open to the caller for it.
   */
  Optional<List<UUID>> recordGrantees(EntityModel object, RecordOperation operation);
}
