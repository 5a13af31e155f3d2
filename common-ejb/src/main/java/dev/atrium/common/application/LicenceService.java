package dev.atrium.common.application;

import dev.atrium.common.application.LicenceDtos.ProductDto;
import dev.atrium.common.application.LicenceDtos.RequestDto;
import dev.atrium.common.application.LicenceDtos.RequestedProductDto;
import dev.atrium.common.application.LicenceDtos.SummaryDto;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.domain.InstanceRecord;
import dev.atrium.common.domain.Licence;
import dev.atrium.common.domain.LicenceFileRecord;
import dev.atrium.common.domain.LicenceVerifier;
import dev.atrium.common.domain.LicensedProduct;
import dev.atrium.common.infrastructure.AtriumConfig;
import dev.atrium.common.security.Operations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Licence files: the request an installation sends its vendor, and the upload of the signed
 * licence the vendor returns. A file that is tampered with, signed by an unknown key, issued for
 * another installation or customer, expired or malformed is refused and changes nothing; a valid
 * one replaces the licence in force in one transaction.
 */
@Stateless
@RolesAllowed(Operations.CAN_MANAGE_LIC_USERS)
public class LicenceService {

  static final String CUSTOMER_SETTING = "CustomerId";

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  @Inject
  AtriumConfig config;

  @Inject
  SettingsCache settings;

  @Inject
  Caller caller;

  @Inject
  Event<IdentityChanged> changed;

  @EJB
  AuditService audit;

  private LicenceVerifier verifier;

  @PostConstruct
  void keys() {
    verifier = LicenceVerifier.withKeys(config.licensePublicKeys().orElse(""));
  }

  public SummaryDto summary() {
    InstanceRecord instance = instance();
    List<LicensedProduct> products = em.createQuery("SELECT p FROM LicensedProduct p ORDER BY p.productCode",
        LicensedProduct.class).getResultList();
    LicenceFileRecord file = em.createQuery("SELECT f FROM LicenceFileRecord f ORDER BY f.createdOn DESC",
        LicenceFileRecord.class).setMaxResults(1).getResultStream().findFirst().orElse(null);
    return new SummaryDto(instance.getInstanceId(), customerId(), file == null ? null : file.getLicenseId(),
        products.stream().map(p -> new ProductDto(p.getProductCode(), p.getType().name(), p.getCount(),
            Mapping.utc(p.getValidFrom()), Mapping.utc(p.getValidTo()))).toList());
  }

  /** A licence request for the vendor; products as {@code code:count}. */
  public RequestDto request(List<String> products) {
    List<RequestedProductDto> wanted = new ArrayList<>();
    for (String p : products) {
      String[] parts = p.split(":", 2);
      try {
        int count = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
        if (!parts[0].matches("[a-z][a-z0-9_]{0,99}") || count < 0) {
          throw new NumberFormatException();
        }
        wanted.add(new RequestedProductDto(parts[0], count));
      } catch (NumberFormatException e) {
        Validation.fail(List.of(new FieldError("product", "must be code:count, e.g. sales:25 (got " + p + ")")));
      }
    }
    return new RequestDto(1, instance().getInstanceId(), customerId(), Instant.now(), wanted);
  }

  /** Verifies and installs a licence file; returns the new summary. */
  public SummaryDto upload(String file) {
    Licence licence = verifier.verify(file);
    InstanceRecord instance = instance();
    String customer = customerId();
    if (!licence.instanceId().equals(instance.getInstanceId())
        || (!customer.isEmpty() && !customer.equals(licence.customerId()))) {
      throw new AtriumException(ErrorCode.LICENSE_WRONG_INSTANCE, "The licence is for installation "
          + licence.instanceId() + " of customer '" + licence.customerId() + "'.");
    }
    if (!licence.validTo().isAfter(Instant.now())) {
      throw new AtriumException(ErrorCode.LICENSE_EXPIRED, "The licence expired on " + licence.validTo() + ".");
    }
    LocalDateTime from = LocalDateTime.ofInstant(licence.validFrom(), ZoneOffset.UTC);
    LocalDateTime to = LocalDateTime.ofInstant(licence.validTo(), ZoneOffset.UTC);
    em.createQuery("DELETE FROM LicensedProduct p").executeUpdate();
    LicenceFileRecord record = new LicenceFileRecord(licence, file, caller.who().contactId(), from, to);
    em.persist(record);
    em.flush();
    for (Licence.Product p : licence.products()) {
      em.persist(new LicensedProduct(record.getId(), p, from, to));
    }
    em.flush();
    changed.fire(IdentityChanged.everyone());
    audit.record(caller.audit(AuditEvent.LICENSE_UPLOADED, null, licence.licenseId().toString(),
        licence.products().size() + " products until " + licence.validTo()));
    return summary();
  }

  private InstanceRecord instance() {
    return em.find(InstanceRecord.class, InstanceRecord.ROW);
  }

  /** The CustomerId setting; empty (NULL on Oracle, where '' is NULL) means any customer. */
  private String customerId() {
    String id = settings.snapshot().resolve(CUSTOMER_SETTING, null, List.of());
    return id == null ? "" : id.trim();
  }

}
