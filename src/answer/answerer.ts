/** @module The Answerer role, and the shared steps every answerer runs: rewrite → retrieve → compose → check. */
import type { AnswerRequest, AnswerResult } from './types.ts';

export interface Answerer {
  /** `extractive` or `openai:<model>`; reported in every answer and in /api/health. */
  readonly name: string;
  answer(request: AnswerRequest): Promise<AnswerResult>;
}

/** Milliseconds rounded to a tenth, as timings are reported. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Splits finished answer text into small pieces for streaming, so a client can show it as it comes. */
export function streamPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}
