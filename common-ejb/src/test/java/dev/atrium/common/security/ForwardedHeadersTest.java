package dev.atrium.common.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

  @Test
  void addressesAndRangesOfBothFamilies() {
    ForwardedHeaders f = new ForwardedHeaders("10.0.0.0/8, 192.168.1.7, ::1, fd00::/8");
    assertTrue(f.isTrusted("10.1.2.3"));
    assertTrue(f.isTrusted("192.168.1.7"));
    assertFalse(f.isTrusted("192.168.1.8"));
    assertTrue(f.isTrusted("::1"));
    assertTrue(f.isTrusted("fd12:3456::1"));
    assertFalse(f.isTrusted("203.0.113.7"));
    assertFalse(f.isTrusted("example.com"), "names are never looked up");
  }

  @Test
  void nothingIsTrustedByDefault() {
    assertFalse(new ForwardedHeaders("").isTrusted("127.0.0.1"));
  }

  @Test
  void badConfigurationIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ForwardedHeaders.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> ForwardedHeaders.parse("proxy.internal"));
  }
}
