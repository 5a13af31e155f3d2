package dev.atrium.common.permissions;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.security.CallerIdentity;
import dev.atrium.common.security.ClientContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the caller may do with an object's records under object permissions. An object whose
 * records are not administered by operations is open to every employee (external users never
 * reach the record layer). One that is: the first of its entries naming the caller or one of
 * their roles (nearest first) decides each operation; none refuses it. Holders of the operation's
 * "everything" operation ({@code CanSelectEverything}, ...) pass regardless.
 */
@ApplicationScoped
public class AccessPolicy {

  @Inject
  ObjectRightsCache cache;

  @Inject
  ClientContext client;

  @Inject
  SecurityContext security;

  public boolean allows(EntityModel object, ObjectOperation operation) {
    if (!object.options().administeredByOperations() || security.isCallerInRole(operation.everything())) {
      return true;
    }
    CallerIdentity who = client.identity();
    if (who == null) {
      return false;
    }
    List<UUID> units = new ArrayList<>(who.roles().size() + 1);
    units.add(who.userId());
    units.addAll(who.roles());
    return cache.rights().allows(object.name(), units, operation);
  }

  /** 403 {@code ACCESS_DENIED} unless the caller may. */
  public void check(EntityModel object, ObjectOperation operation) {
    if (!allows(object, operation)) {
      throw new AtriumException(ErrorCode.ACCESS_DENIED,
          "You may not " + operation.verb() + " records of " + object.name() + ".");
    }
  }
}
