/**
 * The browser workspace's own API: who the user is, which sections they see and what they may do
 * in each. The workspace builds its navigation, lists and forms from this and from the object
 * metadata at run time, so an object an admin marks as a section appears without a build or
 * restart. {@link dev.atrium.common.workspace.WorkspaceService} is the service (EJB boundary),
 * {@link dev.atrium.common.workspace.WorkspaceDtos} its wire shapes.
 */
package dev.atrium.common.workspace;
