package dev.atrium.common.metadata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every business object of the installation, as one immutable snapshot that a node builds from
 * the metadata tables and replaces whole when the metadata changes. {@link #fingerprint()}
 * identifies the metadata it was built from: nodes rebuild their entity types only when it moves.
 */
public final class ObjectModel {

  /** A lookup of {@code object} through {@code field} that points at another object. */
  public record BackReference(EntityModel object, EntityField field) {

    /**
     * The name of the collection of {@code object}'s records that refer through {@code field}, as
     * the reference platform names it: {@code ContactCollectionByAccount}.
     */
    public String collectionName() {
      return object.name() + "CollectionBy" + field.name();
    }
  }

  private final Map<String, EntityModel> objects = new LinkedHashMap<>();
  private final String fingerprint;
  private final String tag;

  public ObjectModel(List<EntityModel> models) {
    StringBuilder print = new StringBuilder();
    for (EntityModel m : models) {
      objects.put(m.name().toLowerCase(Locale.ROOT), m);
      print.append(m.name()).append(':').append(m.version()).append(':').append(m.fields().size()).append(':')
          .append(m.options().hashCode()).append(':').append(m.recordRightsState().code()).append(':')
          .append(m.fields().stream().map(f -> String.valueOf(f.defaultValue())).toList().hashCode()).append(';');
    }
    this.fingerprint = print.toString();
    this.tag = tagOf(fingerprint);
  }

  /** A short digest of the fingerprint, safe to show: it names a state of the metadata, nothing in it. */
  private static String tagOf(String fingerprint) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  public Collection<EntityModel> objects() {
    return objects.values();
  }

  /** By name, case-insensitively. */
  public Optional<EntityModel> object(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(objects.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The lookups of every object that refer to {@code target} (its "back-references"). */
  public List<BackReference> referencesTo(String target) {
    List<BackReference> refs = new ArrayList<>();
    for (EntityModel m : objects.values()) {
      for (EntityField f : m.fields()) {
        if (f.isLookup() && f.reference().equalsIgnoreCase(target)) {
          refs.add(new BackReference(m, f));
        }
      }
    }
    return refs;
  }

  public String fingerprint() {
    return fingerprint;
  }

  /**
   * Names this state of the metadata in 16 hex digits; it changes with {@link #fingerprint()}. The
   * workspace reads it from every response of the web app (header {@code Atrium-Metadata}) and
   * loads its sections and object views again when it moves.
   */
  public String tag() {
    return tag;
  }
}
