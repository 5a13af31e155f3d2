package dev.atrium.common.infrastructure;

import dev.atrium.common.domain.Account;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AccountRepository extends Repository<Account> {
  public AccountRepository() {
    super(Account.class);
  }
}
