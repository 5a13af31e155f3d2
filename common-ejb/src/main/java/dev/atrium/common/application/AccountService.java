package dev.atrium.common.application;

import dev.atrium.common.domain.Account;
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

/** Accounts: open to all employees until object permissions arrive. */
@Stateless
@RolesAllowed(Roles.ALL_EMPLOYEES)
@RequiresProduct({Products.SALES, Products.SERVICE, Products.MARKETING})
public class AccountService extends CrmObjectService<Account, AccountDto> {

  @Inject
  AccountRepository accounts;

  @Inject
  ContactRepository contacts;

  @Override
  protected Repository<Account> repository() {
    return accounts;
  }

  @Override
  protected String objectName() {
    return "Account";
  }

  @Override
  protected Account newEntity() {
    return new Account();
  }

  @Override
  protected AccountDto toDto(Account entity) {
    return AccountMapper.toDto(entity);
  }

  @Override
  protected void apply(AccountDto dto, Account entity) {
    AccountMapper.apply(dto, entity);
  }

  @Override
  protected UUID idOf(AccountDto dto) {
    return dto.id();
  }

  @Override
  protected void checkReferences(AccountDto dto, List<FieldError> errors) {
    requireExisting(contacts, dto.ownerId(), "OwnerId", errors);
  }
}
