package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** A person: a customer's employee, a partner, or the contact behind a user. */
@Entity
@Table(name = "Contact")
public class Contact extends PartyRecord {

  @Column(name = "GivenName", length = 250)
  private String givenName;

  @Column(name = "Surname", length = 250)
  private String surname;

  @Column(name = "JobTitle", length = 250)
  private String jobTitle;

  @Column(name = "AccountId")
  @Convert(GuidConverter.NAME)
  private UUID accountId;

  @Column(name = "MobilePhone", length = 250)
  private String mobilePhone;

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

  public String getMobilePhone() {
    return mobilePhone;
  }

  public void setMobilePhone(String mobilePhone) {
    this.mobilePhone = mobilePhone;
  }
}
