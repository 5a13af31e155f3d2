package dev.atrium.webapp.rest;

import dev.atrium.common.application.ContactDto;
import dev.atrium.common.application.ContactService;
import dev.atrium.common.application.CrmObjectService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Path;
import java.util.UUID;

/** {@code /0/rest/contacts} */
@Path("contacts")
public class ContactResource extends CrmObjectResource<ContactDto> {

  @EJB
  ContactService contacts;

  @Override
  protected CrmObjectService<ContactDto> service() {
    return contacts;
  }

  @Override
  protected UUID idOf(ContactDto dto) {
    return dto.id();
  }
}
