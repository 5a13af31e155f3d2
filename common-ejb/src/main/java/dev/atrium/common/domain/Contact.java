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

/** A person: a customer's employee, a partner, or the contact behind a user. */
@Entity
@Table(name = "Contact")
public class Contact extends CrmRecord {

  @Column(name = "Name", nullable = false, length = 250)
  private String name;

  @Column(name = "GivenName", length = 250)
  private String givenName;

  @Column(name = "Surname", length = 250)
  private String surname;

  @Column(name = "JobTitle", length = 250)
  private String jobTitle;

  @Column(name = "AccountId")
  @Convert(GuidConverter.NAME)
  private UUID accountId;

  @Column(name = "OwnerId")
  @Convert(GuidConverter.NAME)
  private UUID ownerId;

  @Column(name = "Email", length = 250)
  private String email;

  @Column(name = "Phone", length = 250)
  private String phone;

  @Column(name = "MobilePhone", length = 250)
  private String mobilePhone;

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

  public String getGivenName() {
    return givenName;
  }

  public void setGivenName(String givenName) {
    this.givenName = givenName;
  }

  public String getSurname() {
    return surname;
  }

  public void setSurname(String surname) {
    this.surname = surname;
  }

  public String getJobTitle() {
    return jobTitle;
  }

  public void setJobTitle(String jobTitle) {
    this.jobTitle = jobTitle;
  }

  public UUID getAccountId() {
    return accountId;
  }

  public void setAccountId(UUID accountId) {
    this.accountId = accountId;
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

  public String getMobilePhone() {
    return mobilePhone;
  }

  public void setMobilePhone(String mobilePhone) {
    this.mobilePhone = mobilePhone;
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
