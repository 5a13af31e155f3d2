package dev.atrium.common.application;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.query.Expr;
import dev.atrium.common.query.Select;
import dev.atrium.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The fixed-shape REST face of one business object ({@code /0/rest/accounts} ...): its records
 * are the same records OData and DataService serve, read and written through the one record path
 * ({@link RecordService}: metadata, query layer, checks). The DTO, a record, is the wire shape and
 * its Bean Validation constraints; each component is the column of the same name (capitalised),
 * a lookup by its column ({@code AccountId}). Text is trimmed, blank is null.
 *
 * @param <D> the object's DTO
 */
@RolesAllowed(Roles.ALL_EMPLOYEES)
public abstract class CrmObjectService<D extends Record> {

  public static final int MAX_NOTES = 100_000;
  /** Set by the server on every write; ignored on input. */
  private static final Set<String> READ_ONLY = Set.of("Id", "CreatedOn", "CreatedById", "ModifiedOn", "ModifiedById");

  @Inject
  Validation validation;

  @EJB
  RecordService records;

  protected abstract String objectName();

  protected abstract Class<D> dtoType();

  /** Ordered by the primary display column (then Id: a stable page), with the total. */
  public PageDto<D> list(int skip, int top) {
    Paging.check(skip, top);
    List<Select.Column> columns = Arrays.stream(dtoType().getRecordComponents())
        .map(c -> new Select.Column(column(c), new Expr.Path(List.of(column(c))), true)).toList();
    List<Select.Order> order = records.model().object(objectName()).flatMap(EntityModel::displayField)
        .map(f -> List.of(new Select.Order(new Expr.Path(List.of(f.name())), false))).orElse(List.of());
    List<D> items = records.select(new Select(objectName(), columns, null, order, skip, top, false)).stream()
        .map(this::toDto).toList();
    return new PageDto<>(items, records.count(objectName(), null), skip, top);
  }

  public D get(UUID id) {
    return toDto(records.get(objectName(), id).orElseThrow(() -> AtriumException.notFound(objectName(), id)));
  }

  public D create(D dto) {
    validation.check(dto);
    Map<String, Object> values = writable(dto);
    values.values().removeIf(Objects::isNull); // what the body leaves out gets its default
    Object id = value(dto, "Id");
    if (id != null) {
      values.put("Id", id);
    }
    return get(records.insert(objectName(), values));
  }

  /** Replaces the writable columns: what the body leaves out is cleared. */
  public D update(UUID id, D dto) {
    validation.check(dto);
    Object bodyId = value(dto, "Id");
    if (bodyId != null && !bodyId.equals(id)) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED, "The Id in the body differs from the Id in the path.",
          List.of(new FieldError("Id", "must be absent or equal " + id)));
    }
    if (!records.update(objectName(), id, writable(dto), null)) {
      throw AtriumException.notFound(objectName(), id);
    }
    return get(id);
  }

  public void delete(UUID id) {
    if (!records.delete(objectName(), id, null)) {
      throw AtriumException.notFound(objectName(), id);
    }
  }

  private Map<String, Object> writable(D dto) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RecordComponent c : dtoType().getRecordComponents()) {
      if (!READ_ONLY.contains(column(c))) {
        Object v = read(dto, c);
        values.put(column(c), v instanceof String s ? Mapping.text(s) : v);
      }
    }
    return values;
  }

  private D toDto(Map<String, Object> row) {
    RecordComponent[] components = dtoType().getRecordComponents();
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      Object v = row.get(column(components[i]));
      args[i] = v instanceof LocalDateTime t ? Mapping.utc(t) : v;
    }
    try {
      Constructor<D> canonical = dtoType().getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return canonical.newInstance(args);
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IllegalStateException(dtoType().getSimpleName() + " does not match the columns of " + objectName(), e);
    }
  }

  private Object value(D dto, String column) {
    return Arrays.stream(dtoType().getRecordComponents()).filter(c -> column(c).equals(column)).findFirst()
        .map(c -> read(dto, c)).orElse(null);
  }

  private static Object read(Record dto, RecordComponent c) {
    try {
      return c.getAccessor().invoke(dto);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Component {@code accountId} is column {@code AccountId}, as it is on the wire. */
  private static String column(RecordComponent c) {
    return Validation.wireName(c.getName());
  }
}
