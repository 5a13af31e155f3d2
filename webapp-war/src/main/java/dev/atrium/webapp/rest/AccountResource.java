package dev.atrium.webapp.rest;

import dev.atrium.common.application.AccountDto;
import dev.atrium.common.application.AccountService;
import dev.atrium.common.application.CrmObjectService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Path;
import java.util.UUID;

/** {@code /0/rest/accounts} */
@Path("accounts")
public class AccountResource extends CrmObjectResource<AccountDto> {

  @EJB
  AccountService accounts;

  @Override
  protected CrmObjectService<AccountDto> service() {
    return accounts;
  }

  @Override
  protected UUID idOf(AccountDto dto) {
    return dto.id();
  }
}
