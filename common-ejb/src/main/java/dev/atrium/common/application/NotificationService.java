package dev.atrium.common.application;

import dev.atrium.common.domain.Notification;
import dev.atrium.common.infrastructure.NotificationRepository;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Notifications: produced by services and jobs for the holders of an operation (idempotently,
 * once per key), read by the caller through the API and the home page.
 */
@Stateless
@PermitAll
public class NotificationService {

  /** What a caller sees of a notification. */
  public record NotificationDto(UUID id, Instant createdOn, String kind, String subject, String message, Instant dueOn) {}

  static final int MAX = 100;

  @Inject
  NotificationRepository notifications;

  @Resource
  SessionContext context;

  /** Adds the notification unless one with its key exists; true when added. */
  public boolean publish(Notification n) {
    if (notifications.exists(n.getDedupKey())) {
      return false;
    }
    notifications.persist(n);
    return true;
  }

  /** The newest notifications for operations the caller may execute now. */
  public List<NotificationDto> mine() {
    List<String> audiences = notifications.audiences().stream().filter(context::isCallerInRole).toList();
    return notifications.newestFor(audiences, MAX).stream().map(n -> new NotificationDto(n.getId(),
        Mapping.utc(n.getCreatedOn()), n.getKind(), n.getSubject(), n.getMessage(),
        n.getDueOn() == null ? null : Mapping.utc(n.getDueOn()))).toList();
  }
}
