package dev.atrium.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.common.domain.RoleGraph.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoleGraphTest {

  final Role org = role("Org", null, true);
  final Role sales = role("Sales", org.id(), true);
  final Role salesEast = role("SalesEast", sales.id(), true);
  final Role support = role("Support", org.id(), true);
  final Role archived = role("Archived", org.id(), false);
  final Role archivedChild = role("ArchivedChild", archived.id(), true);
  final Role managers = role("Managers", null, true);
  final Role mentors = role("Mentors", null, true);

  static Role role(String code, UUID parent, boolean active) {
    return new Role(UUID.randomUUID(), code, parent, active);
  }

  RoleGraph graph() {
    return new RoleGraph(List.of(org, sales, salesEast, support, archived, archivedChild, managers, mentors),
        List.of(new FunctionalRoleLink(managers.id(), sales.id()), new FunctionalRoleLink(mentors.id(), support.id())));
  }

  @Test
  void aTeamMemberHoldsTheTeamItsAncestorsAndTheirFunctionalRolesNearestFirst() {
    assertEquals(List.of(salesEast.id(), sales.id(), managers.id(), org.id()),
        graph().effectiveRoles(List.of(salesEast.id())));
  }

  @Test
  void rolesComeLevelByLevelFromTheDirectOnesEachLevelSortedByCode() {
    // level 0: the direct roles; level 1: their parents and linked functional roles; and so on.
    assertEquals(List.of(salesEast.id(), support.id(), mentors.id(), org.id(), sales.id(), managers.id()),
        graph().effectiveRoles(List.of(support.id(), salesEast.id())));
  }

  @Test
  void inactiveRolesAreNotHeldAndPassNothingOn() {
    assertEquals(List.of(archivedChild.id()), graph().effectiveRoles(List.of(archivedChild.id())));
    assertEquals(List.of(), graph().effectiveRoles(List.of(archived.id())));
  }

  @Test
  void subtreeAndCycles() {
    RoleGraph g = graph();
    assertEquals(Set.of(sales.id(), salesEast.id()), g.subtree(sales.id()));
    assertTrue(g.wouldCycle(sales.id(), salesEast.id()), "a role under its own descendant");
    assertTrue(g.wouldCycle(sales.id(), sales.id()));
    assertFalse(g.wouldCycle(support.id(), salesEast.id()));
  }
}
