package dev.atrium.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashesWithAsvsCompliantParametersAndVerifies() {
    String hash = hasher.hash("correct horse battery staple");
    assertTrue(hash.startsWith("$pbkdf2-sha512$i=210000$"), hash);
    String[] parts = hash.split("\\$");
    assertEquals(22, parts[3].length(), "128-bit salt, base64 without padding");
    assertEquals(86, parts[4].length(), "512-bit hash, base64 without padding");
    assertTrue(hasher.verify("correct horse battery staple", hash));
    assertFalse(hasher.verify("correct horse battery stapler", hash));
    assertFalse(hasher.verify("", hash));
  }

  @Test
  void saltsEveryHash() {
    assertNotEquals(hasher.hash("same"), hasher.hash("same"));
  }

  @Test
  void oldCostStillVerifies() {
    PasswordHasher cheap = new PasswordHasher(1000);
    String old = cheap.hash("pw");
    assertTrue(old.contains("$i=1000$"));
    assertTrue(hasher.verify("pw", old), "the iteration count is read from the stored hash");
  }

  @Test
  void malformedOrMissingHashNeverVerifies() {
    assertFalse(hasher.verify("pw", null));
    assertFalse(hasher.verify("pw", "plain"));
    assertFalse(hasher.verify("pw", "$pbkdf2-sha512$i=x$a$b"));
    assertFalse(hasher.verify("pw", "$pbkdf2-sha512$i=1000$!!!$b"));
    assertFalse(hasher.verify(null, hasher.hash("pw")));
    assertFalse(hasher.verifyDummy("anything"));
  }
}
