package dev.atrium.common.domain;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and verifies licence files. A file is
 * {@code {"Payload":"<base64 of the licence JSON>","Signature":"<base64 Ed25519>","KeyId":"..."}};
 * the signature covers the payload's bytes exactly, so vendors sign with standard tools (see
 * {@code standalone-config/bin/licence-sign.sh}) and nothing depends on a canonical JSON form.
 * The payload is
 * {@code {"LicenseVersion":1,"LicenseId":"<guid>","CustomerId":"...","InstanceId":"<guid>",
 * "IssuedOn":"<ISO-8601>","ValidFrom":"...","ValidTo":"...","Products":[{"Code":"sales","Type":"Named","Count":25}]}}.
 */
public final class LicenceVerifier {

  /** Atrium's own vendor key; its private half is not in this repository. */
  public static final String DEFAULT_KEY_ID = "atrium-2026";
  public static final String DEFAULT_PUBLIC_KEY = "MCowBQYDK2VwAyEAXT0D2fyZ3mMGsGbD8eUuVlkWZbU+57cRGgAe9uiyfZI=";
  static final int MAX_FILE_CHARS = 1_000_000;

  private final Map<String, PublicKey> keys;

  private LicenceVerifier(Map<String, PublicKey> keys) {
    this.keys = Map.copyOf(keys);
  }

  /**
   * The built-in key plus those configured as {@code keyId:base64,keyId:base64} (X.509
   * SubjectPublicKeyInfo, as {@code licence-keygen.sh} prints it).
   */
  public static LicenceVerifier withKeys(String configured) {
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    keys.put(DEFAULT_KEY_ID, publicKey(DEFAULT_PUBLIC_KEY));
    if (configured != null) {
      for (String entry : configured.split(",")) {
        String e = entry.trim();
        if (e.isEmpty()) {
          continue;
        }
        int colon = e.indexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException("atrium.license.public-keys: expected keyId:base64, got " + e);
        }
        keys.put(e.substring(0, colon).trim(), publicKey(e.substring(colon + 1).trim()));
      }
    }
    return new LicenceVerifier(keys);
  }

  private static PublicKey publicKey(String base64) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Not an Ed25519 public key: " + base64, e);
    }
  }

  /** The licence of a genuine file; refuses malformed files and bad signatures. */
  public Licence verify(String file) {
    if (file == null || file.isBlank() || file.length() > MAX_FILE_CHARS) {
      throw malformed("The licence file is empty or too large.");
    }
    JsonObject envelope = parse(file);
    String keyId = text(envelope, "KeyId");
    byte[] payload = base64(envelope, "Payload");
    byte[] signature = base64(envelope, "Signature");
    PublicKey key = keys.get(keyId);
    if (key == null) {
      throw new AtriumException(ErrorCode.LICENSE_SIGNATURE_INVALID, "The licence was signed with an unknown key '" + keyId + "'.");
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(payload);
      if (!verifier.verify(signature)) {
        throw new AtriumException(ErrorCode.LICENSE_SIGNATURE_INVALID);
      }
    } catch (GeneralSecurityException e) {
      throw new AtriumException(ErrorCode.LICENSE_SIGNATURE_INVALID);
    }
    return read(parse(new String(payload, StandardCharsets.UTF_8)), keyId);
  }

  private static Licence read(JsonObject p, String keyId) {
    try {
      if (p.getInt("LicenseVersion", 0) != 1) {
        throw malformed("Unsupported LicenseVersion.");
      }
      List<Licence.Product> products = new ArrayList<>();
      Set<String> codes = new HashSet<>();
      for (JsonValue v : p.getJsonArray("Products")) {
        JsonObject o = v.asJsonObject();
        String code = text(o, "Code");
        Licence.Type type = Licence.Type.valueOf(text(o, "Type"));
        int count = type == Licence.Type.Named ? o.getInt("Count") : 0;
        if (!code.matches("[a-z][a-z0-9_]{0,99}") || count < 0 || !codes.add(code)) {
          throw malformed("Product '" + code + "' is invalid or repeated.");
        }
        products.add(new Licence.Product(code, type, count));
      }
      Licence licence = new Licence(UUID.fromString(text(p, "LicenseId")), text(p, "CustomerId"),
          UUID.fromString(text(p, "InstanceId")), Instant.parse(text(p, "IssuedOn")), Instant.parse(text(p, "ValidFrom")),
          Instant.parse(text(p, "ValidTo")), products, keyId);
      if (!licence.validTo().isAfter(licence.validFrom())) {
        throw malformed("ValidTo must be after ValidFrom.");
      }
      return licence;
    } catch (NullPointerException | ClassCastException | IllegalArgumentException | DateTimeParseException e) {
      throw malformed("The licence's content is incomplete or invalid.");
    }
  }

  private static JsonObject parse(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw malformed("The licence file is not JSON.");
    }
  }

  private static String text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (!(v instanceof JsonString s) || s.getString().isBlank()) {
      throw malformed("'" + name + "' is missing.");
    }
    return s.getString();
  }

  private static byte[] base64(JsonObject o, String name) {
    try {
      return Base64.getDecoder().decode(text(o, name));
    } catch (IllegalArgumentException e) {
      throw malformed("'" + name + "' is not base64.");
    }
  }

  private static AtriumException malformed(String message) {
    return new AtriumException(ErrorCode.LICENSE_MALFORMED, message);
  }
}
