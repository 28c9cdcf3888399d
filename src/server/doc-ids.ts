/** @module The `docIds` filter of search and chat: every id must name a served document. */
import { unknownDocIds } from '../corpus/doc-ids.ts';
import { InputError } from '../errors.ts';

/** Throws a 400 naming the ids that are no document's; the schema has already bounded their count. */
export function assertKnownDocIds(docIds: ReadonlyArray<string> | undefined, known: ReadonlySet<string>): void {
  const problem = unknownDocIds(docIds, known);
  if (problem) throw new InputError(`docIds: ${problem}`);
}
