/**
 * Adapters to the outside: configuration (MicroProfile Config, keys {@code atrium.*}), JPA
 * repositories over the container datasource, and Liquibase run at deployment.
 */
package dev.atrium.common.infrastructure;
