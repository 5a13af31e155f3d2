package dev.atrium.common.permissions;

import dev.atrium.common.application.Validation;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The grantees of a list of permission entries: users or roles, each named once. */
@ApplicationScoped
public class Grantees {

  @Inject
  AdminUnitRepository units;

  /**
   * Refuses the entries unless every grantee is an existing user or role, named once: 400
   * {@code UNKNOWN_REFERENCE} when one is no user or role, else 400 {@code VALIDATION_FAILED}, with
   * the field {@code Entries[i].GranteeId} of each.
   */
  public void require(List<UUID> grantees) {
    List<FieldError> errors = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    Map<UUID, String> known = units.names(grantees);
    boolean unknown = false;
    for (int i = 0; i < grantees.size(); i++) {
      String field = "Entries[" + i + "].GranteeId";
      if (!seen.add(grantees.get(i))) {
        errors.add(new FieldError(field, "names a user or role already named before"));
      } else if (!known.containsKey(grantees.get(i))) {
        errors.add(new FieldError(field, "is no user or role"));
        unknown = true;
      }
    }
    if (unknown) {
      throw new AtriumException(ErrorCode.UNKNOWN_REFERENCE, "A grantee is no user or role.", errors);
    }
    Validation.fail(errors);
  }

  /** The grantees' names, in one query. */
  public Map<UUID, String> names(List<UUID> grantees) {
    return units.names(grantees);
  }
}
