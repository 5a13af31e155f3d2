package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/**
 * An OAuth 2.0 client of the client-credentials grant, acting as one technical user (table
 * {@code SysOAuthClient}). Only the SHA-256 of its secret is stored.
 */
@Entity
@Table(name = "SysOAuthClient")
public class OAuthClient extends CrmRecord {

  @Column(name = "Name", nullable = false, length = 250)
  private String name;

  @Column(name = "ClientId", nullable = false, length = 100)
  private String clientId;

  @Column(name = "SecretHash", nullable = false, length = 250)
  private String secretHash;

  @Column(name = "SysAdminUnitId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID userId;

  @Column(name = "Active", nullable = false)
  private boolean active = true;

  protected OAuthClient() {}

  public OAuthClient(String name, String clientId, String secretHash, UUID userId) {
    this.name = name;
    this.clientId = clientId;
    this.secretHash = secretHash;
    this.userId = userId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getClientId() {
    return clientId;
  }

  public String getSecretHash() {
    return secretHash;
  }

  public void setSecretHash(String secretHash) {
    this.secretHash = secretHash;
  }

  public UUID getUserId() {
    return userId;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
