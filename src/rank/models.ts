/** @module The trained models (weights.json, written by `npm run train`): their file format, checked on load against the code's features. */
import { z } from 'zod';
import { HELP_FEATURES } from '../query/help-seeking.ts';
import { ANSWER_FEATURES } from './answerability.ts';
import { FEATURES } from './features.ts';
import type { Associations } from './memory.ts';
import { LinearModel, type LinearModelData } from './model.ts';

/** Bump when the file's shape changes. */
export const MODELS_FORMAT_VERSION = 1;

const linearModelSchema = z.object({
  features: z.array(z.string()),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
}) satisfies z.ZodType<LinearModelData>;

export const modelsFileSchema = z.object({
  formatVersion: z.number(),
  ranker: linearModelSchema,
  answerability: linearModelSchema,
  /** Probability at or above which the documents are taken to answer (chosen on validation). */
  threshold: z.number(),
  /** How many passages the language model is given (chosen by recall@k on validation). */
  promptPassages: z.number().int().positive(),
  /** The training questions and where their answers are (see memory.ts). */
  memory: z.array(z.object({ text: z.string(), terms: z.array(z.string()), gold: z.array(z.object({ docId: z.string(), quote: z.string() })) })),
  /** Learned associations: question term → [passage term, strength]. */
  associations: z.record(z.string(), z.array(z.tuple([z.string(), z.number()]))),
  /** Whether a message asks for help now (help/detect.ts), and the probability from which it does. */
  help: z.object({ model: linearModelSchema, threshold: z.number() }),
  /** How the models were trained: sets, sizes, selected settings and validation figures. */
  training: z.record(z.string(), z.unknown()),
});

export type ModelsFile = z.infer<typeof modelsFileSchema>;

export interface Models {
  ranker: LinearModel;
  answerability: LinearModel;
  threshold: number;
  promptPassages: number;
  memory: ModelsFile['memory'];
  associations: Associations;
  help: { model: LinearModel; threshold: number };
}

/** Reads a models file, checking its shape, its format and that its features are the code's. */
export function loadModels(data: unknown): Models {
  const file = modelsFileSchema.parse(data);
  if (file.formatVersion !== MODELS_FORMAT_VERSION) throw new Error(`weights.json has format ${file.formatVersion}, the code reads ${MODELS_FORMAT_VERSION}: run npm run train`);
  return {
    ranker: new LinearModel(file.ranker, FEATURES),
    answerability: new LinearModel(file.answerability, ANSWER_FEATURES),
    threshold: file.threshold,
    promptPassages: file.promptPassages,
    memory: file.memory,
    associations: new Map(Object.entries(file.associations).map(([q, row]) => [q, new Map(row)])),
    help: { model: new LinearModel(file.help.model, HELP_FEATURES), threshold: file.help.threshold },
  };
}
