package dev.atrium.common.application;

import static dev.atrium.common.application.Mapping.nowUtc;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.PartyRecord;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.infrastructure.Repository;
import dev.atrium.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Create, read, update and delete of one CRM object, shared by the object services. Input is
 * validated against the DTO's constraints and references are checked before anything is written;
 * every change is stamped with the caller's contact and the time in UTC.
 *
 * @param <E> the entity
 * @param <D> its wire DTO
 */
@RolesAllowed(Roles.ALL_EMPLOYEES)
public abstract class CrmObjectService<E extends PartyRecord, D> {

  public static final int MAX_NOTES = 100_000;

  @Inject
  Validation validation;

  @Inject
  Caller caller;

  protected abstract Repository<E> repository();

  protected abstract String objectName();

  protected abstract E newEntity();

  protected abstract D toDto(E entity);

  /** Copies the writable fields of the DTO onto the entity. */
  protected abstract void apply(D dto, E entity);

  protected abstract UUID idOf(D dto);

  /** Checks that the lookups the DTO names exist; adds a field error for each that does not. */
  protected abstract void checkReferences(D dto, List<FieldError> errors);

  public PageDto<D> list(int skip, int top) {
    Paging.check(skip, top);
    List<D> items = repository().page(skip, top).stream().map(this::toDto).toList();
    return new PageDto<>(items, repository().count(), skip, top);
  }

  public D get(UUID id) {
    return toDto(load(id));
  }

  public D create(D dto) {
    validate(dto);
    UUID id = idOf(dto);
    if (id != null && repository().exists(id)) {
      throw new AtriumException(ErrorCode.CONFLICT, objectName() + " " + id + " already exists.");
    }
    E entity = newEntity();
    apply(dto, entity);
    entity.setId(id);
    entity.stampCreated(callerContactId(), nowUtc());
    repository().insert(entity);
    return toDto(entity);
  }

  public D update(UUID id, D dto) {
    validate(dto);
    UUID bodyId = idOf(dto);
    if (bodyId != null && !bodyId.equals(id)) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED, "The Id in the body differs from the Id in the path.",
          List.of(new FieldError("Id", "must be absent or equal " + id)));
    }
    E entity = load(id);
    apply(dto, entity);
    entity.stampModified(callerContactId(), nowUtc());
    repository().update();
    return toDto(entity);
  }

  public void delete(UUID id) {
    repository().delete(load(id));
  }

  protected E load(UUID id) {
    return repository().find(id).orElseThrow(() -> AtriumException.notFound(objectName(), id));
  }

  protected static void requireExisting(Repository<?> repository, UUID id, String field, List<FieldError> errors) {
    if (id != null && !repository.exists(id)) {
      errors.add(new FieldError(field, "refers to a record that does not exist"));
    }
  }

  private void validate(D dto) {
    validation.check(dto);
    List<FieldError> references = new ArrayList<>();
    checkReferences(dto, references);
    if (!references.isEmpty()) {
      throw new AtriumException(ErrorCode.UNKNOWN_REFERENCE, ErrorCode.UNKNOWN_REFERENCE.defaultMessage(), references);
    }
  }

  private UUID callerContactId() {
    return caller.who().contactId();
  }

}
