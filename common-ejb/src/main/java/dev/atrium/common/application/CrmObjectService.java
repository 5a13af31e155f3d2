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
    List<Select.Column> columns = Arrays.stream(shape().columns())
        .map(c -> new Select.Column(c, new Expr.Path(List.of(c)), true)).toList();
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
    Map<String, Object> all = valuesOf(dto);
    Map<String, Object> values = writable(all);
    values.values().removeIf(Objects::isNull); // what the body leaves out gets its default
    if (all.get("Id") != null) {
      values.put("Id", all.get("Id"));
    }
    return get(records.insert(objectName(), values));
  }

  /** Replaces the writable columns: what the body leaves out is cleared. */
  public D update(UUID id, D dto) {
    validation.check(dto);
    Map<String, Object> all = valuesOf(dto);
    Object bodyId = all.get("Id");
    if (bodyId != null && !bodyId.equals(id)) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED, "The Id in the body differs from the Id in the path.",
          List.of(new FieldError("Id", "must be absent or equal " + id)));
    }
    if (!records.update(objectName(), id, writable(all), null)) {
      throw AtriumException.notFound(objectName(), id);
    }
    return get(id);
  }

  public void delete(UUID id) {
    if (!records.delete(objectName(), id, null)) {
      throw AtriumException.notFound(objectName(), id);
    }
  }

  /** The DTO's values by column; text trimmed, blank as null. */
  private Map<String, Object> valuesOf(D dto) {
    Shape shape = shape();
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < shape.columns().length; i++) {
      Object v;
      try {
        v = shape.components()[i].getAccessor().invoke(dto);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
      values.put(shape.columns()[i], v instanceof String s ? Mapping.text(s) : v);
    }
    return values;
  }

  private static Map<String, Object> writable(Map<String, Object> all) {
    Map<String, Object> values = new LinkedHashMap<>(all);
    values.keySet().removeAll(READ_ONLY);
    return values;
  }

  private D toDto(Map<String, Object> row) {
    Shape shape = shape();
    Object[] args = new Object[shape.columns().length];
    for (int i = 0; i < args.length; i++) {
      Object v = row.get(shape.columns()[i]);
      args[i] = v instanceof LocalDateTime t ? Mapping.utc(t) : v;
    }
    try {
      return dtoType().cast(shape.canonical().newInstance(args));
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IllegalStateException(dtoType().getSimpleName() + " does not match the columns of " + objectName(), e);
    }
  }

  private Shape shape() {
    return Shape.OF.get(dtoType());
  }

  /**
   * A DTO type's components, the column of each (component {@code accountId} is column
   * {@code AccountId}, as on the wire) and its canonical constructor: looked up once per type.
   */
  private record Shape(RecordComponent[] components, String[] columns, Constructor<?> canonical) {
    static final ClassValue<Shape> OF = new ClassValue<>() {
      @Override
      protected Shape computeValue(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        try {
          return new Shape(components, Arrays.stream(components).map(c -> Validation.wireName(c.getName()))
              .toArray(String[]::new), type.getDeclaredConstructor(Arrays.stream(components)
              .map(RecordComponent::getType).toArray(Class<?>[]::new)));
        } catch (NoSuchMethodException e) {
          throw new IllegalStateException(type + " is not a record", e);
        }
      }
    };
  }
}
