/** @module Answer metrics: support, citation precision and validity, refusals, and figures carried into the answer. */
import type { Citation } from '../answer/types.ts';
import { overlap, type DocSpan } from '../corpus/locate.ts';

export interface AnswerCase {
  kind: string;
  gold: DocSpan[];
  referenceAnswer: string;
  answer: string;
  grounded: boolean;
  citations: ReadonlyArray<Citation>;
  /** Whether each citation's text equals the document slice it names. */
  citationValid: ReadonlyArray<boolean>;
}

export interface AnswerScores {
  answerable: number;
  support: number;
  citationPrecision: number;
  citationsValid: number;
  citations: number;
  unanswerable: number;
  refused: number;
  falseRefusals: number;
  numberQuestions: number;
  numbersInAnswer: number;
}

const touches = (c: Citation, g: DocSpan): boolean => c.docId === g.docId && overlap(c, g) > 0;

/** The figures of a reference answer ("75", "2,500", "1.5"), as the shared checker reads them. */
export function referenceNumbers(answer: string): string[] {
  return (answer.match(/\d[\d,.]*/g) ?? []).map((x) => x.replace(/[.,]$/, ''));
}

export function isSupported(c: AnswerCase): boolean {
  return c.grounded && c.gold.some((g) => c.citations.some((ct) => touches(ct, g)));
}

export function scoreAnswers(cases: ReadonlyArray<AnswerCase>): AnswerScores {
  const s: AnswerScores = { answerable: 0, support: 0, citationPrecision: 0, citationsValid: 0, citations: 0, unanswerable: 0, refused: 0, falseRefusals: 0, numberQuestions: 0, numbersInAnswer: 0 };
  let precise = 0;
  for (const c of cases) {
    s.citations += c.citations.length;
    s.citationsValid += c.citationValid.filter(Boolean).length;
    precise += c.citations.filter((ct) => c.gold.some((g) => touches(ct, g))).length;
    if (c.kind === 'unanswerable') {
      s.unanswerable++;
      if (!c.grounded) s.refused++;
      continue;
    }
    s.answerable++;
    if (!c.grounded) s.falseRefusals++;
    if (isSupported(c)) s.support++;
    if (c.kind === 'number') {
      const nums = referenceNumbers(c.referenceAnswer);
      if (nums.length) {
        s.numberQuestions++;
        if (nums.every((n) => c.answer.includes(n))) s.numbersInAnswer++;
      }
    }
  }
  s.citationPrecision = s.citations ? precise / s.citations : 0;
  return s;
}
