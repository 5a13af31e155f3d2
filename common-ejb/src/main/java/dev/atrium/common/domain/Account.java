package dev.atrium.common.domain;

import jakarta.persistence.Basic;
import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** An organisation the company works with. */
@Entity
@Table(name = "Account")
public class Account extends CrmRecord {

  @Column(name = "Name", nullable = false, length = 250)
  private String name;

  @Column(name = "OwnerId")
  @Convert(GuidConverter.NAME)
  private UUID ownerId;

  @Column(name = "Phone", length = 250)
  private String phone;

  @Column(name = "Web", length = 250)
  private String web;

  @Column(name = "Email", length = 250)
  private String email;

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

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getWeb() {
    return web;
  }

  public void setWeb(String web) {
    this.web = web;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
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
