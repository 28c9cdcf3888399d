/** @module The document ids a request limits itself to, checked alike by every surface (HTTP, CLI, MCP). */

/** How much of an unknown id a message repeats: ids come from the request, so they are cut and quoted. */
const SHOWN_ID_CHARS = 60;

/**
 * What is wrong with `asked` against the `known` ids, as one sentence that names the unknown ones and
 * the known ones; null when every id is known (or none is asked for).
 */
export function unknownDocIds(asked: ReadonlyArray<string> | undefined, known: Iterable<string>): string | null {
  const ids = new Set(known);
  const unknown = asked?.filter((id) => !ids.has(id)) ?? [];
  if (!unknown.length) return null;
  return `unknown document id(s) ${unknown.map((id) => `"${id.slice(0, SHOWN_ID_CHARS)}"`).join(', ')}; known: ${[...ids].join(', ')}`;
}
