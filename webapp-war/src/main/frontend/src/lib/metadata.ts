// The state of the object metadata the open workspace was built from. Every answer of the REST and
// OData APIs names it (header Atrium-Metadata, the tag of the node that answered); when it moves,
// an admin has changed an object on some node of the farm, and whoever listens (the workspace's
// sections and object views) reads again, without a reload of the page.

export const METADATA_HEADER = 'Atrium-Metadata';

let seen: string | null = null;
const listeners = new Set<() => void>();

/** Notes the tag an answer carried; a tag other than the last one seen tells every listener. */
export function noteMetadata(tag: string | null): void {
  if (!tag) return;
  const moved = seen !== null && seen !== tag;
  seen = tag;
  if (moved) listeners.forEach((listener) => listener());
}

/** Calls {@code listener} whenever the metadata moved; returns what stops it. */
export function onMetadataChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
