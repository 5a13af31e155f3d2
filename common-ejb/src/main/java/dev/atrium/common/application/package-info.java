/**
 * Application services: stateless EJBs that are the transaction and security boundary
 * ({@code @RolesAllowed}), and the DTOs and mappers they exchange with the HTTP edge. Entities
 * never leave this layer.
 */
package dev.atrium.common.application;
