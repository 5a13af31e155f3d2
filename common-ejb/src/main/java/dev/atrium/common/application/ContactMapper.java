package dev.atrium.common.application;

import static dev.atrium.common.application.Mapping.text;
import static dev.atrium.common.application.Mapping.utc;

import dev.atrium.common.domain.Contact;
import dev.atrium.common.domain.PostalAddress;

/** Contact entity to and from its DTO: the one place the two meet. */
final class ContactMapper {
  private ContactMapper() {}

  static ContactDto toDto(Contact c) {
    PostalAddress ad = c.getAddress() == null ? new PostalAddress() : c.getAddress();
    return new ContactDto(c.getId(), c.getName(), c.getGivenName(), c.getSurname(), c.getJobTitle(),
        c.getAccountId(), c.getOwnerId(), c.getEmail(), c.getPhone(), c.getMobilePhone(),
        ad.getAddress(), ad.getCity(), ad.getRegion(), ad.getZip(), ad.getCountry(), c.getNotes(),
        utc(c.getCreatedOn()), c.getCreatedById(), utc(c.getModifiedOn()), c.getModifiedById());
  }

  static void apply(ContactDto d, Contact c) {
    c.setName(text(d.name()));
    c.setGivenName(text(d.givenName()));
    c.setSurname(text(d.surname()));
    c.setJobTitle(text(d.jobTitle()));
    c.setAccountId(d.accountId());
    c.setOwnerId(d.ownerId());
    c.setEmail(text(d.email()));
    c.setPhone(text(d.phone()));
    c.setMobilePhone(text(d.mobilePhone()));
    c.setAddress(new PostalAddress(text(d.address()), text(d.city()), text(d.region()), text(d.zip()),
        text(d.country())));
    c.setNotes(d.notes());
  }
}
