package dev.atrium.common.application;

import static dev.atrium.common.application.Mapping.text;
import static dev.atrium.common.application.Mapping.utc;

import dev.atrium.common.domain.Account;
import dev.atrium.common.domain.PostalAddress;

/** Account entity to and from its DTO: the one place the two meet. */
final class AccountMapper {
  private AccountMapper() {}

  static AccountDto toDto(Account a) {
    PostalAddress ad = a.getAddress() == null ? new PostalAddress() : a.getAddress();
    return new AccountDto(a.getId(), a.getName(), a.getOwnerId(), a.getPhone(), a.getWeb(), a.getEmail(),
        ad.getAddress(), ad.getCity(), ad.getRegion(), ad.getZip(), ad.getCountry(), a.getNotes(),
        utc(a.getCreatedOn()), a.getCreatedById(), utc(a.getModifiedOn()), a.getModifiedById());
  }

  static void apply(AccountDto d, Account a) {
    a.setName(text(d.name()));
    a.setOwnerId(d.ownerId());
    a.setPhone(text(d.phone()));
    a.setWeb(text(d.web()));
    a.setEmail(text(d.email()));
    a.setAddress(new PostalAddress(text(d.address()), text(d.city()), text(d.region()), text(d.zip()),
        text(d.country())));
    a.setNotes(d.notes());
  }
}
