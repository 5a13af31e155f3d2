package dev.atrium.common.application;

import dev.atrium.common.domain.SettingsSnapshot;
import dev.atrium.common.infrastructure.SettingsRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Reads system settings for the node caches. */
@Stateless
public class SettingsService {

  @Inject
  SettingsRepository repository;

  @PermitAll
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public SettingsSnapshot load() {
    return repository.snapshot();
  }
}
