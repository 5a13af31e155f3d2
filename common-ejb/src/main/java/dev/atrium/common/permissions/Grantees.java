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
import java.util.LinkedHashMap;
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
    List<FieldError> repeated = new ArrayList<>();
    Map<String, UUID> named = new LinkedHashMap<>();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < grantees.size(); i++) {
      String field = "Entries[" + i + "].GranteeId";
      if (seen.add(grantees.get(i))) {
        named.put(field, grantees.get(i));
      } else {
        repeated.add(new FieldError(field, "names a user or role already named before"));
      }
    }
    requireKnown(named);
    Validation.fail(repeated);
  }

  /**
   * Refuses unless every id is an existing user or role: 400 {@code UNKNOWN_REFERENCE} with the
   * field (the map's key) of each that is not.
   */
  public void requireKnown(Map<String, UUID> idsByField) {
    Map<UUID, String> known = units.names(new HashSet<>(idsByField.values()));
    List<FieldError> unknown = idsByField.entrySet().stream().filter(e -> !known.containsKey(e.getValue()))
        .map(e -> new FieldError(e.getKey(), "is no user or role")).toList();
    if (!unknown.isEmpty()) {
      throw new AtriumException(ErrorCode.UNKNOWN_REFERENCE, "A grantee is no user or role.", unknown);
    }
  }

  /** The grantees' names, in one query. */
  public Map<UUID, String> names(List<UUID> grantees) {
    return units.names(grantees);
  }
}
