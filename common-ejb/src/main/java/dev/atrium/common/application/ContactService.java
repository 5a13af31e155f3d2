package dev.atrium.common.application;

import dev.atrium.common.security.Products;
import dev.atrium.common.security.RequiresProduct;
import dev.atrium.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;

/** Contacts in their fixed REST shape: open to all employees until object permissions arrive. */
@Stateless
@RolesAllowed(Roles.ALL_EMPLOYEES)
@RequiresProduct({Products.SALES, Products.SERVICE, Products.MARKETING})
public class ContactService extends CrmObjectService<ContactDto> {

  @Override
  protected String objectName() {
    return "Contact";
  }

  @Override
  protected Class<ContactDto> dtoType() {
    return ContactDto.class;
  }
}
