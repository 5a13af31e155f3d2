package dev.atrium.common.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;
import dev.atrium.common.infrastructure.GuidConverter;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/**
 * A party the company deals with, person or organisation: the columns Account and Contact share
 * (name, owner, email, phone, postal address, notes).
 */
@MappedSuperclass
public abstract class PartyRecord extends CrmRecord {

  @Column(name = "Name", nullable = false, length = 250)
  private String name;

  @Column(name = "OwnerId")
  @Convert(GuidConverter.NAME)
  private UUID ownerId;

  @Column(name = "Email", length = 250)
  private String email;

  @Column(name = "Phone", length = 250)
  private String phone;

  @Embedded
  private PostalAddress address = new PostalAddress();

  @Lob
  @Basic(fetch = FetchType.EAGER)
  @Column(name = "Notes")
  private String notes;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public UUID getOwnerId() {
    return ownerId;
  }

  public void setOwnerId(UUID ownerId) {
    this.ownerId = ownerId;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public PostalAddress getAddress() {
    return address;
  }

  public void setAddress(PostalAddress address) {
    this.address = address;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String notes) {
    this.notes = notes;
  }
}
