/**
 * The background scheduler: Quartz with its JDBC job store in the main database, clustered
 * through it (one node runs each firing; a dead node's recoverable jobs are taken over), running
 * on container-managed threads. Job classes are thin: each calls one service.
 */
package dev.atrium.common.scheduler;
