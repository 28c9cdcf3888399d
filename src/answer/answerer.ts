/** @module The Answerer role, and the shared steps every answerer runs: rewrite → retrieve → compose → check. */
import type { AnswerRequest, AnswerResult } from './types.ts';

export interface Answerer {
  /** `extractive` or `openai:<model>`; reported in every answer and in /api/health. */
  readonly name: string;
  answer(request: AnswerRequest): Promise<AnswerResult>;
}

/** Splits finished answer text into small pieces for streaming, so a client can show it as it comes. */
export function streamPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}
