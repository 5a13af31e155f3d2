package dev.atrium.common.data;

import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;

/**
 * What a caller may reach through the record layer: which objects they may read, and which
 * columns they may read and change. The query compiler and the record store ask it; the access
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
  };

  boolean readsObject(EntityModel object);

  boolean readsColumn(EntityModel object, EntityField field);

  /** Whether the caller may set the column on a new record ({@code insert}) or change it on one that exists. */
  boolean changesColumn(EntityModel object, EntityField field, boolean insert);
}
