package dev.atrium.common.application;

import dev.atrium.common.security.Products;
import dev.atrium.common.security.RequiresProduct;
import dev.atrium.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;

/** Accounts in their fixed REST shape: open to all employees until object permissions arrive. */
@Stateless
@RolesAllowed(Roles.ALL_EMPLOYEES)
@RequiresProduct({Products.SALES, Products.SERVICE, Products.MARKETING})
public class AccountService extends CrmObjectService<AccountDto> {

  @Override
  protected String objectName() {
    return "Account";
  }

  @Override
  protected Class<AccountDto> dtoType() {
    return AccountDto.class;
  }
}
