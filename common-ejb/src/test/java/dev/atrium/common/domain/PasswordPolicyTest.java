package dev.atrium.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void lengthIsCountedInCharactersNotBytesOrUnits() {
    PasswordPolicy p = new PasswordPolicy(4, 0, 0, 0, 0);
    assertEquals(List.of(), p.problems("😀😀😀😀"), "four code points");
    assertEquals(List.of("must have at least 4 characters"), p.problems("😀😀😀"));
    assertEquals(List.of("is required"), p.problems(null));
    assertEquals(List.of("must have at most 1024 characters"), p.problems("x".repeat(1025)));
  }

  @Test
  void eachCompositionRuleIsReported() {
    PasswordPolicy p = new PasswordPolicy(1, 2, 1, 1, 1);
    assertEquals(List.of("must have at least 2 lower-case letters", "must have at least 1 upper-case letters",
        "must have at least 1 digits", "must have at least 1 special characters"), p.problems("a"));
    assertEquals(List.of(), p.problems("ab C1!"), "a space is special");
    assertEquals(List.of(), p.problems("äöÜ7#"), "non-ASCII letters count");
  }
}
