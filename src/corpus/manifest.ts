/** @module The corpus manifest: which documents exist and what is known about each. */
import { z } from 'zod';

const structureHintsSchema = z
  .object({
    metadataLines: z.array(z.string()).optional(),
    implicitSections: z.object({ under: z.string(), titles: z.array(z.string()).min(1) }).optional(),
  })
  .strict();

const documentMetaSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case slugs'),
    file: z.string().min(1),
    title: z.string().min(1),
    shortTitle: z.string().min(1),
    publisher: z.string().nullable(),
    date: z.string().nullable(),
    source: z.string().nullable(),
    /** The terms under which the document may be reused, as far as they are known; shown beside the document. */
    licence: z.string().min(1).nullable().optional(),
    /** The years the document reports on: the 2025 report covers 2024, though its title does not say so. */
    yearsCovered: z.array(z.string().regex(/^\d{4}$/, 'years are four digits')).optional(),
    structure: structureHintsSchema.optional(),
    /**
     * Sections listing who can help a person in need (titles, matched whole, case aside): their items
     * are the help contacts a help-seeking question is answered with first, in document order.
     */
    help: z.object({ sections: z.array(z.string().min(1)).min(1) }).strict().optional(),
  })
  .strict();

export const manifestSchema = z
  .object({
    formatVersion: z.literal(1),
    documents: z.array(documentMetaSchema).min(1),
  })
  .refine((m) => new Set(m.documents.map((d) => d.id)).size === m.documents.length, {
    message: 'document ids must be unique',
  });

export type Manifest = z.infer<typeof manifestSchema>;
