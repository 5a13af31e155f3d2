package dev.atrium.common.application;

import dev.atrium.common.domain.Contact;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.infrastructure.AccountRepository;
import dev.atrium.common.infrastructure.ContactRepository;
import dev.atrium.common.infrastructure.Repository;
import dev.atrium.common.security.Products;
import dev.atrium.common.security.RequiresProduct;
import dev.atrium.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Contacts: open to all employees until object permissions arrive. */
@Stateless
@RolesAllowed(Roles.ALL_EMPLOYEES)
@RequiresProduct({Products.SALES, Products.SERVICE, Products.MARKETING})
public class ContactService extends CrmObjectService<Contact, ContactDto> {

  @Inject
  ContactRepository contacts;

  @Inject
  AccountRepository accounts;

  @Override
  protected Repository<Contact> repository() {
    return contacts;
  }

  @Override
  protected String objectName() {
    return "Contact";
  }

  @Override
  protected Contact newEntity() {
    return new Contact();
  }

  @Override
  protected ContactDto toDto(Contact entity) {
    return ContactMapper.toDto(entity);
  }

  @Override
  protected void apply(ContactDto dto, Contact entity) {
    ContactMapper.apply(dto, entity);
  }

  @Override
  protected UUID idOf(ContactDto dto) {
    return dto.id();
  }

  @Override
  protected void checkReferences(ContactDto dto, List<FieldError> errors) {
    requireExisting(accounts, dto.accountId(), "AccountId", errors);
    requireExisting(contacts, dto.ownerId(), "OwnerId", errors);
  }
}
