/** @module The `docIds` filter of search and chat: every id must name a served document. */
import { InputError } from '../errors.ts';

/** Throws a 400 naming the ids that are no document's; the schema has already bounded their count. */
export function assertKnownDocIds(docIds: ReadonlyArray<string> | undefined, known: ReadonlySet<string>): void {
  const unknown = docIds?.filter((id) => !known.has(id)) ?? [];
  if (unknown.length) throw new InputError(`docIds: unknown document id(s) ${unknown.map((id) => `"${id.slice(0, 60)}"`).join(', ')}`);
}
