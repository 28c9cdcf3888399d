/** @module What a question asks for: its terms, the kind of answer it expects, and constraints the evidence must meet. */
import { NUMBER_WORD_VALUES, SCALE_WORDS } from '../query/number-words.ts';
import { ASKS_CONDITION, ASKS_REASON, withoutQuestionForms } from '../query/question-forms.ts';
import { expansionTerms } from '../query/synonyms.ts';
import { terms, tokenize } from '../text/terms.ts';
import { YEAR_SOURCE, yearsIn } from '../query/years.ts';

/**
 * The kind of fact a question asks for, read from its wording. A figure, duration, date or person
 * must be in the answer; a reason ("why"), condition ("under what conditions"), definition ("what is
 * X?") or penalty ("what sentence …") is only likelier in a passage that words it so ("because",
 * "only if", "X is", "up to six years' imprisonment").
 */
export type AnswerType = 'number' | 'duration' | 'date' | 'person' | 'reason' | 'condition' | 'definition' | 'penalty' | 'other';

/** Answer types whose absence from the evidence means the documents do not answer (a definition may be worded any way). */
export function answerTypeIsRequired(type: AnswerType): boolean {
  return type === 'number' || type === 'duration' || type === 'date' || type === 'person';
}

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
  /** Every figure written in digits in the question, years included. */
  figures: string[];
  /** For a definition question, what it asks to define ("period of reflection", "bakmenn"). */
  subject: string | null;
  /** Capitalised words inside the question (names, nationalities), as lower-case tokens. */
  names: string[];
  /** Documents the question names, with strength 0..1 (see DocumentMentions). */
  namedDocuments: ReadonlyMap<string, number>;
}

const NUMBER_WORDS = [...NUMBER_WORD_VALUES.keys(), ...SCALE_WORDS, 'single', 'double'].join('|');
export const NUMBER_PATTERN = new RegExp(`\\d|\\b(?:${NUMBER_WORDS})\\b`, 'i');
// "threeyear": PDF extraction glues hyphenated words, so the unit may follow the number directly.
const DURATION_PATTERN = new RegExp(`(?:\\d+|\\b(?:${NUMBER_WORDS}|a|an)\\b|\\b(?:${NUMBER_WORDS}))[\\s-]*(?:\\w+[\\s-]+)?(?:days?|weeks?|months?|years?|hours?)\\b|\\buntil\\b|\\bup to\\b`, 'i');
const DATE_PATTERN = new RegExp(`${YEAR_SOURCE}|\\b(?:January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|fall|winter)\\b`, 'i');
const REASON_PATTERN = /\b(?:because|due to|owing to|as a result|since|reasons?|caused? by|so that|in order to|therefore|why)\b/i;
const CONDITION_PATTERN = /\b(?:if|unless|only|provided|on condition|conditions?|requires?|required|must|when)\b/i;
const NAME_PATTERN = /\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+\b|\b(?:Minister|Ministry|Directorate|police|NGO|government|artist|painter|painted)\b/u;

const MONTHS = 'january february march april may june july august september october november december'.split(' ');
const QUESTION_WORDS = new Set([...MONTHS, 'how', 'what', 'which', 'who', 'whom', 'when', 'where', 'why', 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'should', 'i', 'and', 'according', 'under', 'in', 'the', 'a', 'an']);

/**
 * What a definition question asks to define: a quoted term when the question asks what it means or
 * is ("What does 'bakmenn' refer to?"), or the short noun phrase of "What is a period of reflection?".
 */
function definitionSubject(question: string): string | null {
  // An opening quote follows a space or bracket, so "Norway's 'Barnehus'" does not open at "'s".
  const quoted = /(?:^|[\s(])['‘“"]([^'’”"]{2,60})['’”"](?![\p{L}\p{N}])/u.exec(question)?.[1];
  if (quoted && /\b(?:mean|means|meant|refer|refers|stand for|stands for|what is|what are|what was|what were|called|term|word|cover)\b/i.test(question)) return quoted.trim();
  // `question` has single spaces (analyseQuestion folds white space), so these patterns cannot backtrack far.
  const plain =
    /^what (?:is|are) (?:an? |the )?([\p{L} -]{3,50}?) ?\?$/iu.exec(question)?.[1] ??
    /^what does (?:the (?:term|word) )?([\p{L} -]{3,50}?) mean ?\?$/iu.exec(question)?.[1];
  return plain && plain.trim().split(' ').length <= 5 ? plain.trim() : null;
}

function answerTypeOf(question: string): AnswerType {
  const q = question.toLowerCase();
  if (/\bhow long\b|\bfor how many (?:days|weeks|months|years)\b|\bhow many (?:days|weeks|months|years)\b/.test(q)) return 'duration';
  if (/\bhow (?:many|much)\b|\bwhat(?:\s+\S+){0,2}\s+(?:numbers?|percentages?|share|proportion|amounts?|figures?|statistics|sums?)\b/.test(q)) return 'number';
  if (/^\s*(?:and\s+)?when\b|\bwhat year\b|\bin which year\b/.test(q)) return 'date';
  if (/^\s*(?:and\s+)?who\b/.test(q)) return 'person';
  if (/^\s*(?:and\s+)?why\b/.test(q) || ASKS_REASON.test(q)) return 'reason';
  if (ASKS_CONDITION.test(q)) return 'condition';
  if (/\b(?:penalt(?:y|ies)|punishments?|(?:prison\s+)?sentences?|prison terms?)\b/.test(q) && /^\s*(?:and\s+)?(?:what|which|how)\b/.test(q)) return 'penalty';
  if (definitionSubject(question)) return 'definition';
  return 'other';
}

export function analyseQuestion(asked: string): QuestionAnalysis {
  // One space between words: the patterns below then never try the many ways to split a run of blanks.
  const question = asked.replace(/\s+/g, ' ').trim();
  // A capital starting a sentence says nothing; a follow-up's search text joins two questions.
  const names = [...question.matchAll(/[\p{L}\p{N}]+/gu)]
    .filter((m) => m.index > 0 && !/[.!?]["”’)]* $/u.test(question.slice(0, m.index)))
    .map((m) => m[0])
    .filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && !QUESTION_WORDS.has(w.toLowerCase()))
    .map((w) => tokenize(w)[0] ?? '')
    .filter(Boolean);
  const questionTerms = [...new Set(terms(withoutQuestionForms(question)))];
  return {
    text: question,
    terms: questionTerms,
    expansions: expansionTerms(questionTerms),
    context: [],
    answerType: answerTypeOf(question),
    years: yearsIn(question),
    figures: [...new Set(question.match(/\b\d+\b/g) ?? [])],
    subject: definitionSubject(question),
    names: [...new Set(names)],
    namedDocuments: new Map(),
  };
}

/** "section 62a", "Article 4", "Measure no. 17", "Chapter 6": numbers that point somewhere rather than count. */
const REFERENCE_NUMBER = /\b(?:sections?|articles?|chapters?|measures?(?:\s+no\.?)?|no\.|paragraphs?)\s+\d+\w*|§+\s*\d+\w*/gi;

/** A passage with every figure the question itself gives ("in 2024") and every reference number taken out. */
function withoutGivenFigures(passage: string, given: ReadonlyArray<string>): string {
  let text = passage.replace(REFERENCE_NUMBER, ' ');
  for (const figure of given) text = text.replace(new RegExp(`\\b${figure}\\b`, 'g'), ' ');
  return text;
}

/** Whether `passage` defines `subject`: "X is …", "X means …", "X – …", or "called X" / "the term X". */
function defines(passage: string, subject: string): boolean {
  const term = subject.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  // Letter boundaries by lookaround: `\b` knows only ASCII letters, and "Økokrim" starts with another.
  const after = new RegExp(`(?<![\\p{L}\\p{N}])${term}['’”"]?\\s*(?:\\([^)]*\\)\\s*)?,?\\s*(?:is|are|was|were|means|refers to|[–—:])\\s`, 'iu');
  const before = new RegExp(`\\b(?:called|known as|term|word|defined as|referred to as)\\s+['‘“"]?${term}(?![\\p{L}\\p{N}])`, 'iu');
  return after.test(passage) || before.test(passage);
}

/** What of the question, beyond its type, a passage is matched against. */
export type AnswerContext = Pick<QuestionAnalysis, 'figures' | 'subject'>;

/**
 * Whether a passage holds the kind of fact the question asks for. `figures` are those the question
 * states itself: asked "how many … in 2024?", a passage whose only figure is 2024 gives no answer.
 */
export function matchesAnswerType(type: AnswerType, passage: string, context: AnswerContext = { figures: [], subject: null }): boolean {
  switch (type) {
    case 'number':
      return NUMBER_PATTERN.test(withoutGivenFigures(passage, context.figures));
    case 'duration':
      return DURATION_PATTERN.test(passage);
    case 'date':
      return DATE_PATTERN.test(passage);
    case 'person':
      return NAME_PATTERN.test(passage);
    case 'reason':
      return REASON_PATTERN.test(passage);
    case 'condition':
      return CONDITION_PATTERN.test(passage);
    case 'penalty':
      return DURATION_PATTERN.test(passage) || /\bfines?\b/i.test(passage);
    case 'definition':
      return context.subject !== null && defines(passage, context.subject);
    case 'other':
      return true;
  }
}
