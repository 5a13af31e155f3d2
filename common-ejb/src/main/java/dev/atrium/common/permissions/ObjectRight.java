package dev.atrium.common.permissions;

import java.util.UUID;

/** One entry of an object's permissions: what a user or role may do with its records. */
public record ObjectRight(UUID grantee, boolean read, boolean create, boolean edit, boolean delete) {

  public boolean allows(ObjectOperation operation) {
    return switch (operation) {
      case READ -> read;
      case CREATE -> create;
      case EDIT -> edit;
      case DELETE -> delete;
    };
  }
}
