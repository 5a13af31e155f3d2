package dev.atrium.common.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service (or method) that only callers licensed for one of these products may use; others get
 * 403 {@code LICENSE_REQUIRED}. Enforced by {@link ProductGate}.
 */
@Inherited
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresProduct {
  /** Product codes, any of which will do. */
  @Nonbinding
  String[] value() default {};
}
