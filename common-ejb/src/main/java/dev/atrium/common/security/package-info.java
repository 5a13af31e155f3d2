/**
 * Sign-in state and its enforcement: password hashing, the session store (Redis or in-process),
 * the cookies of the wire contract, and the Jakarta Security mechanism that turns a session into
 * the container caller so {@code @RolesAllowed} works in both WARs and on every node.
 */
package dev.atrium.common.security;
