package dev.atrium.common.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The address columns shared by Account and Contact. */
@Embeddable
public class PostalAddress {

  @Column(name = "Address", length = 500)
  private String address;

  @Column(name = "City", length = 250)
  private String city;

  @Column(name = "Region", length = 250)
  private String region;

  @Column(name = "Zip", length = 50)
  private String zip;

  @Column(name = "Country", length = 250)
  private String country;

  public PostalAddress() {}

  public PostalAddress(String address, String city, String region, String zip, String country) {
    this.address = address;
    this.city = city;
    this.region = region;
    this.zip = zip;
    this.country = country;
  }

  public String getAddress() {
    return address;
  }

  public String getCity() {
    return city;
  }

  public String getRegion() {
    return region;
  }

  public String getZip() {
    return zip;
  }

  public String getCountry() {
    return country;
  }
}
