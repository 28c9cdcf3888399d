/** @module The evaluation set format (JSONL): questions with gold quotes, one object per line. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const message = z.object({ role: z.enum(['user', 'assistant']), content: z.string() });

export const evalItemSchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  kind: z.string(),
  quotes: z.array(z.string()).optional(),
  evidence: z.array(z.object({ quote: z.string() }).passthrough()).optional(),
  history: z.array(message).optional(),
}).passthrough();

export type EvalItem = z.infer<typeof evalItemSchema>;

export async function readEvalSet(file: string): Promise<EvalItem[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    const parsed = evalItemSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
    return parsed.data;
  });
}

/** The gold quotes of an item, whichever field holds them. */
export function goldQuotes(item: EvalItem): string[] {
  return [...(item.quotes ?? []), ...(item.evidence ?? []).map((e) => e.quote)];
}

/** The question as a naive client would search for it: earlier user turns prepended for follow-ups. */
export function searchQuery(item: EvalItem): string {
  const earlier = (item.history ?? []).filter((m) => m.role === 'user').map((m) => m.content);
  return [...earlier, item.question].join(' ');
}
