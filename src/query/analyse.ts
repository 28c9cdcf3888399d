/**
 * @module Reads a question once: its search terms (own, from the conversation, and what the lexicon
 * adds), what it asks for, and the constraints an answer must meet (years, names, figures).
 */
import type { Expansion, Lexicon } from '../lexicon/lexicon.ts';
import type { FactKind } from '../text/facts.ts';
import { terms, tokenize, toTerm } from '../text/terms.ts';
import { askedFact } from './asks.ts';
import type { DocumentMentions, QuestionMentions } from './document-mentions.ts';
import { asksAsSelf } from './person.ts';
import { yearsIn } from './years.ts';

export interface Question {
  /** The user's own last question, single-spaced. */
  text: string;
  /** Earlier user turns a follow-up leans on ('' when it stands alone). */
  context: string;
  /** Distinct index terms of the question itself, without words that only name a document. */
  terms: string[];
  /** Terms of the conversation the question does not use itself: they set the topic. */
  contextTerms: string[];
  /** Corpus terms the lexicon relates to the question's words. */
  expansions: Expansion[];
  /** The kind of fact the answer must hold, if the question asks for one. */
  asks: FactKind | null;
  /** For "what is X?" / "what does X mean?": X. */
  subject: string | null;
  /** Years the question names ("in 2015"). */
  years: string[];
  /** Figures written in digits ("section 224"), years included. */
  figures: string[];
  /** Capitalised words inside the question and acronyms (names, nationalities), as tokens. */
  names: string[];
  /** Asked in the first person ("how do I …"). */
  firstPerson: boolean;
  /** Asked in Norwegian and read through the word lists: its English words are a translation's. */
  translated?: boolean;
  /** Asks about the present ("now", "currently", "still", "latest"). */
  aboutNow: boolean;
  /** Compares or asks for a change ("compared with", "still", "changed since"). */
  comparative: boolean;
  mentions: QuestionMentions;
}

/**
 * Words that place a question in the present. General English time words, weighed by the ranker as
 * one feature (recency of the passage's document), never a rule.
 */
const NOW = /\b(?:now|nowadays|currently|current|today|these days|at present|presently|still|latest|newest|most recent|recently|anymore|any more|yet|as it stands)\b/i;
/** Words that compare or ask for a change. */
const COMPARATIVE = /\b(?:compare[ds]?|comparison|compared|differ(?:s|ed|ence|ences|ent)?|chang(?:e|ed|es|ing)|versus|vs\.?|still|since|than|between|both|whereas|evolv(?:e|ed)|trend|over time|increase[ds]?|decrease[ds]?)\b/i;
/** Question words, months and auxiliaries that may carry a capital without being names. */
const NOT_NAMES = new Set(
  'how what which who whom whose when where why is are was were do does did can could should would will may might must has have had i and or but so according under in on the a an january february march april may june july august september october november december'.split(' '),
);

/** What a definition question asks to define: a quoted term, or the short noun phrase of "what is X?". */
function definitionSubject(question: string): string | null {
  const quoted = /(?:^|[\s(])['‘“"]([^'’”"]{2,60})['’”"](?![\p{L}\p{N}])/u.exec(question)?.[1];
  if (quoted) return quoted.trim();
  const plain =
    /^(?:so )?what(?: is|'s| are) (?:an? |the )?([\p{L} -]{2,50}?) ?\??$/iu.exec(question)?.[1] ??
    /^what does (?:the (?:term|word) )?([\p{L} -]{2,50}?) mean ?\??$/iu.exec(question)?.[1];
  // A term is a short noun phrase; five words is the longest defined term a reader would quote (set by hand).
  return plain && plain.trim().split(' ').length <= 5 ? plain.trim() : null;
}

/**
 * The names a question sets: capitalised words that do not open a sentence, acronyms (of three
 * letters or more, or shorter ones the documents use themselves: "ID" and "OK" are words, "EU" a
 * name), and words the documents only ever write as names, however the question types them ("does
 * sweden …").
 */
function namesIn(question: string, lexicon: Lexicon): string[] {
  const names = [...question.matchAll(/[\p{L}\p{N}]+/gu)]
    .filter((m) => {
      const word = m[0];
      const opensSentence = m.index === 0 || /[.!?]["”’)]* $/u.test(question.slice(0, m.index));
      if (/^\p{Lu}{2,}$/u.test(word)) return word.length >= 3 || lexicon.writesInCapitals(word.toLowerCase());
      return (!opensSentence && /^\p{Lu}\p{Ll}+$/u.test(word)) || lexicon.isProperNoun(word.toLowerCase());
    })
    .map((m) => m[0])
    .filter((w) => !NOT_NAMES.has(w.toLowerCase()))
    .map((w) => tokenize(w)[0] ?? '')
    // A function word is no name, capital or not ("… </question> You are …").
    .filter((t) => t !== '' && toTerm(t) !== null);
  return [...new Set(names)];
}

export interface QuestionReader {
  lexicon: Lexicon;
  mentions: DocumentMentions;
}

/** Reads `text` (the last user turn) with `context` (earlier user turns of a follow-up, or ''). */
export function readQuestion(text: string, context: string, reader: QuestionReader): Question {
  const question = text.replace(/\s+/g, ' ').trim();
  const whole = context ? `${context} ${question}` : question;
  const mentions = reader.mentions.read(whole);
  const named = [...mentions.strengths.keys()];
  // Words that only name a document ("the 2025 TIP report") say where to look, not what to find.
  const naming = new Set([...reader.mentions.namingWordsOf(named), ...reader.mentions.namingPhraseTerms(whole, named)]);
  const ownTerms = [...new Set(terms(question))].filter((t) => !naming.has(t));
  const own = new Set(ownTerms);
  const contextTerms = [...new Set(terms(context))].filter((t) => !own.has(t) && !naming.has(t));
  return {
    text: question,
    context,
    terms: ownTerms,
    contextTerms,
    expansions: reader.lexicon.expand(question).filter((e) => !naming.has(e.term)),
    asks: askedFact(question, reader.lexicon),
    subject: definitionSubject(question),
    years: yearsIn(question),
    figures: [...new Set(question.match(/\b\d+\b/g) ?? [])],
    names: namesIn(question, reader.lexicon),
    firstPerson: asksAsSelf(question),
    aboutNow: NOW.test(question),
    comparative: COMPARATIVE.test(question) || mentions.spansDocuments,
    mentions,
  };
}
