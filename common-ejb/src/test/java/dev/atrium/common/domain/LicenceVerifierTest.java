package dev.atrium.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LicenceVerifierTest {

  static final UUID INSTANCE = UUID.fromString("11111111-2222-3333-4444-555555555555");
  final KeyPair vendor = ed25519();
  final LicenceVerifier verifier = LicenceVerifier.withKeys(
      "test-key:" + Base64.getEncoder().encodeToString(vendor.getPublic().getEncoded()));

  static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String payload(String products) {
    return "{\"LicenseVersion\":1,\"LicenseId\":\"" + UUID.randomUUID() + "\",\"CustomerId\":\"ACME\",\"InstanceId\":\""
        + INSTANCE + "\",\"IssuedOn\":\"2026-11-01T00:00:00Z\",\"ValidFrom\":\"2026-11-01T00:00:00Z\","
        + "\"ValidTo\":\"2027-11-01T00:00:00Z\",\"Products\":" + products + "}";
  }

  static String file(String payload, byte[] signature, String keyId) {
    Base64.Encoder b64 = Base64.getEncoder();
    return "{\"Payload\":\"" + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "\",\"Signature\":\""
        + b64.encodeToString(signature) + "\",\"KeyId\":\"" + keyId + "\"}";
  }

  byte[] sign(String payload) throws Exception {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(vendor.getPrivate());
    s.update(payload.getBytes(StandardCharsets.UTF_8));
    return s.sign();
  }

  @Test
  void aGenuineFileIsRead() throws Exception {
    String p = payload("[{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":25},{\"Code\":\"studio\",\"Type\":\"Server\"}]");
    Licence l = verifier.verify(file(p, sign(p), "test-key"));
    assertEquals(INSTANCE, l.instanceId());
    assertEquals("ACME", l.customerId());
    assertEquals(List.of(new Licence.Product("sales", Licence.Type.Named, 25),
        new Licence.Product("studio", Licence.Type.Server, 0)), l.products());
    assertEquals(Instant.parse("2027-11-01T00:00:00Z"), l.validTo());
  }

  @Test
  void anyFlippedBitOfPayloadOrSignatureIsRefused() throws Exception {
    String p = payload("[{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":25}]");
    byte[] signature = sign(p);
    for (int i = 0; i < signature.length; i += 7) {
      byte[] flipped = signature.clone();
      flipped[i] ^= 1;
      assertCode(ErrorCode.LICENSE_SIGNATURE_INVALID, file(p, flipped, "test-key"));
    }
    assertCode(ErrorCode.LICENSE_SIGNATURE_INVALID, file(p.replace("\"Count\":25", "\"Count\":26"), signature, "test-key"));
  }

  @Test
  void anotherVendorsKeyOrAnUnknownKeyIdIsRefused() throws Exception {
    String p = payload("[]");
    KeyPair other = ed25519();
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(other.getPrivate());
    s.update(p.getBytes(StandardCharsets.UTF_8));
    assertCode(ErrorCode.LICENSE_SIGNATURE_INVALID, file(p, s.sign(), "test-key"));
    assertCode(ErrorCode.LICENSE_SIGNATURE_INVALID, file(p, sign(p), "nobody"));
  }

  @Test
  void malformedFilesAreRefusedClearly() throws Exception {
    assertCode(ErrorCode.LICENSE_MALFORMED, "");
    assertCode(ErrorCode.LICENSE_MALFORMED, "not json");
    assertCode(ErrorCode.LICENSE_MALFORMED, "{\"Payload\":\"!!\",\"Signature\":\"AA==\",\"KeyId\":\"test-key\"}");
    String noProducts = payload("[]").replace(",\"Products\":[]", "");
    assertCode(ErrorCode.LICENSE_MALFORMED, file(noProducts, sign(noProducts), "test-key"));
    String badType = payload("[{\"Code\":\"sales\",\"Type\":\"Forever\",\"Count\":1}]");
    assertCode(ErrorCode.LICENSE_MALFORMED, file(badType, sign(badType), "test-key"));
    String twice = payload("[{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":1},{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":2}]");
    assertCode(ErrorCode.LICENSE_MALFORMED, file(twice, sign(twice), "test-key"));
  }

  @Test
  void configuredKeysMustBeEd25519() {
    assertThrows(IllegalArgumentException.class, () -> LicenceVerifier.withKeys("k:bm90IGEga2V5"));
    assertThrows(IllegalArgumentException.class, () -> LicenceVerifier.withKeys("no-colon"));
  }

  private void assertCode(ErrorCode code, String file) {
    AtriumException e = assertThrows(AtriumException.class, () -> verifier.verify(file));
    assertEquals(code, e.code(), e.getMessage());
  }
}
