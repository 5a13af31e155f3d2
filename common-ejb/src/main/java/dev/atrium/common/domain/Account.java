package dev.atrium.common.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An organisation the company works with. */
@Entity
@Table(name = "Account")
public class Account extends PartyRecord {

  @Column(name = "Web", length = 250)
  private String web;

  public String getWeb() {
    return web;
  }

  public void setWeb(String web) {
    this.web = web;
  }
}
