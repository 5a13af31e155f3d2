package dev.atrium.common.infrastructure;

import dev.atrium.common.domain.Contact;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ContactRepository extends Repository<Contact> {
  public ContactRepository() {
    super(Contact.class);
  }
}
