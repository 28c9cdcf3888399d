/**
 * @module What kinds of fact a text holds (a figure, a date, a phone number, a name …): the answer side
 * of "does this passage give what the question asks for". General English patterns only.
 */
import { NUMBER_WORD_VALUES } from './number-words.ts';
import { tokenize } from './terms.ts';

/** The kinds of fact a question can ask for and a passage can hold. */
export const FACT_KINDS = ['number', 'date', 'duration', 'actor', 'place', 'contact', 'definition', 'procedure', 'reason', 'condition', 'list'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export type Facts = Readonly<Record<FactKind, boolean>>;

/** A list item as the documents write them (•, -, o, a lost Wingdings "n", "1."). */
export const LIST_ITEM = /^(?:[•\-–*]|o\s|n\s|\d+[.)]\s)/;

const NUMBER_WORDS = [...NUMBER_WORD_VALUES.keys()].filter((w) => w !== 'one').join('|');
const YEAR = /\b(?:1[89]|20)\d\d\b/;
const REFERENCE_NUMBER = /\b(?:sections?|articles?|chapters?|measures?(?:\s+no\.?)?|no\.|paragraphs?)\s+\d+\w*|§+\s*\d+\w*/gi;
/** A figure: digits that are no year and no reference ("section 224"), or a number word other than "one". */
const FIGURE = new RegExp(`\\d|\\b(?:${NUMBER_WORDS}|hundred|thousand|million|billion|dozen|half|percent)\\b`, 'i');
const MONTH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const TIME_UNIT = /\b(?:days?|weeks?|months?|years?|hours?)\b/i;
const DURATION = new RegExp(`(?:\\d+|\\b(?:${NUMBER_WORDS}|one|a|an)\\b)[\\s-]*(?:\\w+[\\s-]+)?${TIME_UNIT.source}|\\buntil\\b|\\bup to\\b`, 'i');
/** Phone numbers ("(+47) 02800", "22 33 11 60", "112"), web addresses and e-mail. */
const CONTACT = /\+\s?\d{2}|\(\+\d+\)|\b\d{2,3}(?:[ -]\d{2,3}){2,}\b|\b(?:112|113|110|116\s?111)\b|\bwww\.|https?:\/\/|\b[\w.-]+@[\w-]+\.\w+|\b(?:hotline|helpline|phone|telephone|website)\b/i;
const DEFINITION = /\b(?:is|are) (?:an?|the) [\p{L}-]+|\b(?:means|refers to|is defined as|is understood as|is called|are called|known as|is when)\b/iu;
const PROCEDURE = /\b(?:can|must|may|should|shall|need to|needs to|has to|have to|will)\s+(?:\w+\s+)?(?:apply|submit|contact|report|go|call|ask|get|be granted|be given|receive|meet|send|register|return)\b|\b(?:apply for|application)\b/i;
const REASON = /\b(?:because|due to|owing to|as a result|since|reasons?|caused? by|so that|in order to|therefore|thus|consequently)\b/i;
const CONDITION = /\b(?:if|unless|provided that|only when|on condition|conditions?|requires?|required|eligible)\b/i;
/** A capitalised word that does not open the sentence, or an acronym: a name. */
const PROPER_NAME = /(?<=[\p{L},;:)] )\p{Lu}[\p{L}-]+|\b\p{Lu}{2,}\b/u;

/** Noun categories the lexicon knows for corpus terms (see lexicon/wordnet.ts). */
export interface CategoryLookup {
  categoriesOf(token: string): ReadonlyArray<string>;
}

/** The figures of a text other than years and reference numbers. */
function figureText(text: string): string {
  return text.replace(REFERENCE_NUMBER, ' ').replace(new RegExp(YEAR.source, 'g'), ' ');
}

/** Which kinds of fact `text` holds. `sentences` > 1 or a bullet makes it a list. */
export function factsOf(text: string, lookup: CategoryLookup, isList = false): Facts {
  const tokens = tokenize(text);
  const categories = new Set(tokens.flatMap((t) => lookup.categoriesOf(t)));
  return {
    number: FIGURE.test(figureText(text)),
    date: YEAR.test(text) || MONTH.test(text),
    duration: DURATION.test(text),
    actor: PROPER_NAME.test(text) || categories.has('person') || categories.has('organization'),
    place: categories.has('place'),
    contact: CONTACT.test(text),
    definition: DEFINITION.test(text),
    procedure: PROCEDURE.test(text),
    reason: REASON.test(text),
    condition: CONDITION.test(text),
    list: isList || LIST_ITEM.test(text) || (text.match(/[,;]/g) ?? []).length >= 2,
  };
}
