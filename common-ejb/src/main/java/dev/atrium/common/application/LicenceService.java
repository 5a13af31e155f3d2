package dev.atrium.common.application;

import dev.atrium.common.application.LicenceDtos.HolderDto;
import dev.atrium.common.application.LicenceDtos.ProductDto;
import dev.atrium.common.application.LicenceDtos.UserLicencesDto;
import dev.atrium.common.application.LicenceDtos.RequestDto;
import dev.atrium.common.application.LicenceDtos.RequestedProductDto;
import dev.atrium.common.application.LicenceDtos.SummaryDto;
import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.domain.InstanceRecord;
import dev.atrium.common.domain.Licence;
import dev.atrium.common.domain.LicenceFileRecord;
import dev.atrium.common.domain.LicenceGrant;
import dev.atrium.common.domain.LicenceState;
import dev.atrium.common.domain.LicenceVerifier;
import dev.atrium.common.domain.LicensedProduct;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.infrastructure.AtriumConfig;
import dev.atrium.common.infrastructure.LicenceRepository;
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
import java.util.Map;
import java.util.UUID;

/**
 * Licence management (operation {@code CanManageLicUsers}): the request an installation sends its
 * vendor; the upload of the signed licence the vendor returns (a file that is tampered with, signed
 * by an unknown key, issued for another installation or customer, expired or malformed is refused
 * and changes nothing; a valid one replaces the licence in force in one transaction); and the
 * distribution of named licences to users and roles, never beyond what is owned.
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
  LicenceRepository licences;

  @Inject
  AdminUnitRepository units;

  @EJB
  LicenceStateLoader stateLoader;

  @Inject
  LicenceAllocation allocation;

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
    InstanceRecord instance = licences.instance();
    Instant now = Instant.now();
    LicenceState state = stateLoader.current(now);
    return new SummaryDto(instance.getInstanceId(), customerId(), state.licenseId(), state.trial(),
        state.overAllocated(now), state.products().stream().map(p -> p.type() == Licence.Type.Named
            ? new ProductDto(p.code(), p.type().name(), p.owned(), state.assigned().getOrDefault(p.code(), 0),
                state.available(p), p.validFrom(), p.validTo())
            : new ProductDto(p.code(), p.type().name(), null, null, null, p.validFrom(), p.validTo())).toList());
  }

  /** Who holds named licences of a product. */
  public List<HolderDto> holders(String product) {
    namedProduct(product);
    List<HolderDto> holders = new ArrayList<>();
    for (LicenceGrant g : licences.grants(product)) {
      AdminUnit unit = units.find(g.getHolderId()).orElseThrow();
      boolean user = unit.getType().isUser();
      holders.add(new HolderDto(unit.getId(), unit.getName(), user ? "User" : "Role",
          user ? 1 : units.usersHoldingAny(List.of(unit.getId())).size()));
    }
    return holders;
  }

  /** Users with the named licences they hold, a page at a time. */
  public PageDto<UserLicencesDto> users(int skip, int top) {
    Paging.check(skip, top);
    List<UserLicencesDto> items = units.users(skip, top).stream().map(u -> new UserLicencesDto(u.getId(),
        u.getName(), u.isActive(), List.copyOf(licences.grantedProducts(u.getId(), units.effectiveRoleIds(u.getId())))))
        .toList();
    return new PageDto<>(items, units.countUsers(), skip, top);
  }

  /**
   * Grants a named licence of a product to a user or a role (then all its members hold it).
   * Refused when it would cover more users than are owned. Granting twice changes nothing.
   */
  public HolderDto grant(String product, UUID holderId) {
    namedProduct(product);
    AdminUnit unit = units.find(holderId)
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "No user or role " + holderId + "."));
    if (licences.grant(holderId, product).isEmpty()) {
      Map<String, Integer> before = allocation.assigned();
      licences.persist(new LicenceGrant(holderId, product, caller.who().id()));
      licences.flush();
      allocation.verify(before);
      changed.fire(unit.getType().isUser() ? new IdentityChanged(holderId) : IdentityChanged.everyone());
      audit.record(caller.audit(AuditEvent.LICENSE_GRANTED, holderId, unit.getName(), product));
    }
    return holders(product).stream().filter(h -> h.holderId().equals(holderId)).findFirst().orElseThrow();
  }

  /** Recalls a named licence from a user or role; their live sessions lose it at once, on every node. */
  public void recall(String product, UUID holderId) {
    LicenceGrant grant = licences.grant(holderId, product)
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "No licence of '" + product + "' is granted to " + holderId + "."));
    AdminUnit unit = units.find(holderId).orElseThrow();
    licences.remove(grant);
    licences.flush();
    changed.fire(unit.getType().isUser() ? new IdentityChanged(holderId) : IdentityChanged.everyone());
    audit.record(caller.audit(AuditEvent.LICENSE_RECALLED, holderId, unit.getName(), product));
  }

  /** The product must be licensed by name in the licence in force. */
  private void namedProduct(String product) {
    boolean named = licences.products().stream()
        .anyMatch(p -> p.getProductCode().equals(product) && p.getType() == Licence.Type.Named);
    if (!named) {
      throw new AtriumException(ErrorCode.NOT_FOUND, "The licence in force has no named licences of '" + product + "'.");
    }
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
    return new RequestDto(1, licences.instance().getInstanceId(), customerId(), Instant.now(), wanted);
  }

  /** Verifies and installs a licence file; returns the new summary. */
  public SummaryDto upload(String file) {
    Licence licence = verifier.verify(file);
    InstanceRecord instance = licences.instance();
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
    em.createQuery("DELETE FROM LicensedProduct p").executeUpdate();  // the grants stay: a later licence may cover them
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

  /** The CustomerId setting; empty (NULL on Oracle, where '' is NULL) means any customer. */
  private String customerId() {
    String id = settings.snapshot().resolve(CUSTOMER_SETTING, null, List.of());
    return id == null ? "" : id.trim();
  }

}
