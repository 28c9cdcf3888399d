/** @module What a question asks for: its terms, the kind of answer it expects, and constraints the evidence must meet. */
import { expansionTerms } from '../text/synonyms.ts';
import { terms, tokenize } from '../text/terms.ts';

/** The kind of fact a question asks for, read from its wording. */
export type AnswerType = 'number' | 'duration' | 'date' | 'person' | 'other';

export interface QuestionAnalysis {
  text: string;
  terms: string[];
  /** Thesaurus synonyms of the question's words that it does not use itself. */
  expansions: string[];
  /** For a follow-up, terms of the earlier turns it leans on that it does not use itself. */
  context: string[];
  answerType: AnswerType;
  /** Years named in the question ("in 2015"): evidence must mention them. */
  years: string[];
  /** Capitalised words inside the question (names, nationalities), as lower-case tokens. */
  names: string[];
  /** Documents the question names, with strength 0..1 (see DocumentMentions). */
  namedDocuments: ReadonlyMap<string, number>;
}

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|single|double';
export const NUMBER_PATTERN = new RegExp(`\\d|\\b(?:${NUMBER_WORDS})\\b`, 'i');
// "threeyear": PDF extraction glues hyphenated words, so the unit may follow the number directly.
const DURATION_PATTERN = new RegExp(`(?:\\d+|\\b(?:${NUMBER_WORDS}|a|an)\\b|\\b(?:${NUMBER_WORDS}))[\\s-]*(?:\\w+[\\s-]+)?(?:days?|weeks?|months?|years?|hours?)\\b|\\buntil\\b|\\bup to\\b`, 'i');
const DATE_PATTERN = /\b(?:1[89]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|fall|winter)\b/i;
const NAME_PATTERN = /\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+\b|\b(?:Minister|Ministry|Directorate|police|NGO|government|artist|painter|painted)\b/u;

const MONTHS = 'january february march april may june july august september october november december'.split(' ');
const QUESTION_WORDS = new Set([...MONTHS, 'how', 'what', 'which', 'who', 'whom', 'when', 'where', 'why', 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'should', 'i', 'and', 'according', 'under', 'in', 'the', 'a', 'an']);

function answerTypeOf(question: string): AnswerType {
  const q = question.toLowerCase();
  if (/\bhow long\b|\bfor how many (?:days|weeks|months|years)\b|\bhow many (?:days|weeks|months|years)\b/.test(q)) return 'duration';
  if (/\bhow (?:many|much)\b|\bwhat(?:\s+\S+){0,2}\s+(?:numbers?|percentages?|share|proportion|amounts?|figures?|statistics|sums?)\b/.test(q)) return 'number';
  if (/^\s*(?:and\s+)?when\b|\bwhat year\b|\bin which year\b/.test(q)) return 'date';
  if (/^\s*(?:and\s+)?who\b/.test(q)) return 'person';
  return 'other';
}

export function analyseQuestion(question: string): QuestionAnalysis {
  const words = question.match(/[\p{L}\p{N}]+/gu) ?? [];
  const names = words
    .filter((w, i) => i > 0 && /^\p{Lu}\p{Ll}+$/u.test(w) && !QUESTION_WORDS.has(w.toLowerCase()))
    .map((w) => tokenize(w)[0] ?? '')
    .filter(Boolean);
  const questionTerms = [...new Set(terms(question))];
  return {
    text: question,
    terms: questionTerms,
    expansions: expansionTerms(terms(question)),
    context: [],
    answerType: answerTypeOf(question),
    years: [...new Set(question.match(/\b(?:1[89]\d\d|20\d\d)\b/g) ?? [])],
    names: [...new Set(names)],
    namedDocuments: new Map(),
  };
}

/** Whether a passage holds the kind of fact the question asks for. */
export function matchesAnswerType(type: AnswerType, passage: string): boolean {
  switch (type) {
    case 'number':
      return NUMBER_PATTERN.test(passage);
    case 'duration':
      return DURATION_PATTERN.test(passage);
    case 'date':
      return DATE_PATTERN.test(passage);
    case 'person':
      return NAME_PATTERN.test(passage);
    case 'other':
      return true;
  }
}
