package dev.atrium.common.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B settings of every Atrium endpoint: property names in PascalCase as on the established
 * wire ({@code UserName}, {@code AccountId}), nulls omitted unless a type says otherwise.
 */
@Provider
public class AtriumJson implements ContextResolver<Jsonb> {

  public static final Jsonb JSONB = JsonbBuilder.create(
      new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.UPPER_CAMEL_CASE));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
