package dev.atrium.common.workspace;

import dev.atrium.common.application.Caller;
import dev.atrium.common.application.ObjectRuntime;
import dev.atrium.common.domain.LicenceState;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.security.ClientContext;
import dev.atrium.common.security.Operations;
import dev.atrium.common.security.Products;
import dev.atrium.common.security.Roles;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.metadata.ColumnType;
import dev.atrium.common.metadata.ObjectModel;
import dev.atrium.common.data.RecordAccess;
import dev.atrium.common.permissions.AccessPolicy;
import dev.atrium.common.permissions.ObjectOperation;
import dev.atrium.common.workspace.WorkspaceDtos.BoardViewDto;
import dev.atrium.common.workspace.WorkspaceDtos.ColumnViewDto;
import dev.atrium.common.workspace.WorkspaceDtos.ObjectViewDto;
import dev.atrium.common.workspace.WorkspaceDtos.RelatedViewDto;
import dev.atrium.common.workspace.WorkspaceDtos.RightsDto;
import dev.atrium.common.workspace.WorkspaceDtos.SectionDto;
import dev.atrium.common.workspace.WorkspaceDtos.UserDto;
import dev.atrium.common.workspace.WorkspaceDtos.WorkspaceDto;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the browser workspace shows the caller: their sections (objects marked as sections, the
 * CRM core first in the reference's order, then the others by section caption) with their rights, and the
 * system operations they hold. Reads the object model the record layer serves, so a new section
 * appears as soon as its metadata is announced.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class WorkspaceService {

  /** The CRM core's sections in the order the reference's navigation has them. */
  static final List<String> CORE_ORDER = List.of("Contact", "Account", "Activity", "Case", "Lead", "Opportunity");
  /** The integer column of a board's values that orders its columns (OpportunityStage.Position). */
  static final String BOARD_ORDER_COLUMN = "Position";

  /** The system operations the workspace offers entries for, in the order of {@link Operations}. */
  static final List<String> OPERATIONS = List.of(Operations.CAN_MANAGE_USERS, Operations.CAN_MANAGE_LIC_USERS,
      Operations.CAN_MANAGE_SYS_SETTINGS, Operations.CAN_VIEW_SYS_OPERATION_AUDIT,
      Operations.CAN_MANAGE_ADMINISTRATION, Operations.CAN_MANAGE_SCHEDULED_JOBS, Operations.CAN_USE_ODATA_SERVICE);

  /** The products whose licence opens the CRM records (as {@code RecordService} requires). */
  static final Set<String> RECORD_PRODUCTS = Set.of(Products.SALES, Products.SERVICE, Products.MARKETING);

  @Inject
  Caller caller;

  @Inject
  ClientContext client;

  @Inject
  ObjectRuntime runtime;

  @Resource
  SessionContext context;

  @Inject
  AccessPolicy access;

  /**
   * The workspace of the caller; with {@code section} (the object of the page the browser opens
   * at), that object's view too when it is one of the caller's sections.
   */
  public WorkspaceDto workspace(String section) {
    Caller.Who who = caller.who();
    LicenceState.Decision licence = client.licence();
    RightsDto rights = rights(licence);
    List<SectionDto> sections = rights.read() ? sections(rights) : List.of();
    List<String> operations = OPERATIONS.stream().filter(context::isCallerInRole).toList();
    ObjectViewDto view = section != null && sections.stream().anyMatch(s -> s.name().equals(section))
        ? view(section, rights).orElse(null) : null;
    return new WorkspaceDto(new UserDto(who.id(), who.name(), who.contactId()), sections, operations, limited(licence),
        view);
  }

  /**
   * One object as lists and forms render it; 404 when there is no such object or the caller may
   * not read its records.
   */
  public ObjectViewDto object(String name) {
    return view(name, rights(client.licence()))
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "There is no object " + name + "."));
  }

  private Optional<ObjectViewDto> view(String name, RightsDto rights) {
    ObjectModel model = runtime.model();
    Optional<EntityModel> found = model.object(name);
    if (found.isEmpty() || !on(found.get(), rights).read()) {
      return Optional.empty();
    }
    EntityModel object = found.get();
    RightsDto mine = on(object, rights);
    RecordAccess reach = access.forCaller();
    Optional<EntityField> display = object.displayField().filter(f -> reach.readsColumn(object, f));
    // the columns the caller may not read are not offered; OData would give them as null
    List<ColumnViewDto> columns = object.fields().stream().filter(f -> f.type() != ColumnType.BINARY)
        .filter(f -> reach.readsColumn(object, f)).map(f -> {
      Optional<EntityModel> target = f.isLookup() ? model.object(f.reference()) : Optional.empty();
      return new ColumnViewDto(f.name(), f.caption(), f.type().apiName(), f.required(), f.maxLength(),
          f.isLookup() ? f.columnName() : f.name(), target.map(t -> f.name()).orElse(null),
          target.map(EntityModel::name).orElse(null),
          target.flatMap(t -> t.displayField().filter(d -> reach.readsColumn(t, d))).map(EntityField::name).orElse(null),
          f.system(), f.system() || !reach.changesColumn(object, f, false));
    }).toList();
    List<RelatedViewDto> related = model.referencesTo(object.name()).stream()
        .filter(r -> !r.field().system())
        .map(r -> new RelatedViewDto(r.object().name(), relatedCaption(object, r),
            r.field().name(), r.field().columnName(), r.object().displayField().map(EntityField::name).orElse(null),
            r.collectionName()))
        .toList();
    return Optional.of(new ObjectViewDto(object.name(), object.caption(), object.options().section(),
        display.map(EntityField::name).orElse(null), mine, columns, related, board(model, object, rights, reach)));
  }

  /**
   * The object's board, when it has one whose lookup and values the caller may read: the values'
   * order is their integer column {@code Position} ({@link #BOARD_ORDER_COLUMN}) when they have one.
   */
  private BoardViewDto board(ObjectModel model, EntityModel object, RightsDto rights, RecordAccess reach) {
    return Optional.ofNullable(object.options().boardColumn()).flatMap(object::field)
        .filter(EntityField::isLookup).filter(f -> reach.readsColumn(object, f))
        .flatMap(f -> model.object(f.reference()).filter(values -> on(values, rights).read()).map(values ->
            new BoardViewDto(f.name(), f.columnName(), f.name(), values.name(),
                values.displayField().filter(d -> reach.readsColumn(values, d)).map(EntityField::name).orElse(null),
                values.field(BOARD_ORDER_COLUMN).filter(p -> p.type() == ColumnType.INTEGER && reach.readsColumn(values, p))
                    .map(EntityField::name).orElse(null))))
        .orElse(null);
  }

  /**
   * A related list's caption: the other object's section ("Activities"), and the lookup's caption
   * when it is not named after this object ("Activities (Owner)"), so two lists of the same object
   * tell apart.
   */
  private static String relatedCaption(EntityModel object, ObjectModel.BackReference r) {
    String caption = r.object().options().section() != null ? r.object().options().section() : r.object().caption();
    return r.field().name().equals(object.name()) ? caption : caption + " (" + r.field().caption() + ")";
  }

  private List<SectionDto> sections(RightsDto rights) {
    Comparator<EntityModel> order = Comparator.comparingInt(WorkspaceService::corePosition)
        .thenComparing(o -> o.options().section(), String.CASE_INSENSITIVE_ORDER);
    return runtime.model().objects().stream().filter(o -> o.options().section() != null).sorted(order)
        .map(o -> new SectionDto(o.name(), o.options().section(), o.caption(), o.displayField().map(EntityField::name).orElse(null),
            on(o, rights)))
        .filter(section -> section.rights().read())
        .toList();
  }

  /** Whether the session is limited to licence management (sign-in Code 3). */
  private static boolean limited(LicenceState.Decision licence) {
    return licence != null && licence.access() == LicenceState.Access.LIMITED;
  }

  private static int corePosition(EntityModel object) {
    int at = CORE_ORDER.indexOf(object.name());
    return at < 0 ? CORE_ORDER.size() : at;
  }

  /** The caller's rights on one object's records: their licence's, narrowed by its object permissions. */
  private RightsDto on(EntityModel object, RightsDto licensed) {
    Set<ObjectOperation> allowed = access.allowed(object, EnumSet.allOf(ObjectOperation.class));
    return new RightsDto(licensed.read() && allowed.contains(ObjectOperation.READ),
        licensed.create() && allowed.contains(ObjectOperation.CREATE),
        licensed.edit() && allowed.contains(ObjectOperation.EDIT),
        licensed.delete() && allowed.contains(ObjectOperation.DELETE));
  }

  /**
   * The caller's rights on records: an employee whose licence covers a CRM product may read,
   * add, edit and delete them, as {@code RecordService} enforces; object permissions narrow this
   * per object ({@link #on}).
   */
  private RightsDto rights(LicenceState.Decision licence) {
    boolean licensed = licence == null || licence.products().stream().anyMatch(RECORD_PRODUCTS::contains);
    boolean allowed = !limited(licence) && licensed && context.isCallerInRole(Roles.ALL_EMPLOYEES);
    return new RightsDto(allowed, allowed, allowed, allowed);
  }
}
