/**
 * @module What a question asks for: the kind of fact its answer must hold (a figure for "how many",
 * a date for "when", a contact for "who can I call" …), read from its question words. The cue words
 * are the English question forms for each kind, not words of any particular question.
 */
import type { CategoryLookup, FactKind } from '../text/facts.ts';

/** Tried in order: the first kind whose pattern matches is the one asked for ("what are the goals?" is a list before it is a definition). */
const ASK_PATTERNS: ReadonlyArray<readonly [FactKind, RegExp]> = [
  ['duration', /\bhow long\b|\b(?:for )?how many (?:days|weeks|months|years|hours)\b|\bwhat (?:is|was) the (?:duration|length)\b/i],
  ['number', /\bhow (?:many|much)\b/i],
  // Contacting someone: "who can I call", "what number do I ring", "hotline?".
  ['contact', /\b(?:call|phone|telephone|ring|contact|hotline|helpline|phone number|e-?mail|website|reach (?:them|someone|somebody))\b/i],
  ['number', /\bwhat (?:\w+ ){0,2}(?:numbers?|percentage|share|proportion|amount|figures?|statistics|sum|total)\b|\bnumber of\b/i],
  ['date', /^(?:and |so |but )?when\b|\bwhat (?:year|date|month)\b|\bin which (?:year|month)\b|\bwhich year\b|\bsince when\b/i],
  ['reason', /^(?:and |so |but )?why\b|\bhow come\b|\bfor what reasons?\b|\bwhat (?:is|was|are|were) the reasons?\b|\bwhat (?:caused|causes|led to)\b|\breasons? (?:for|behind|why)\b/i],
  ['condition', /\b(?:under|on) what (?:conditions?|circumstances|terms)\b|\bin what (?:cases|circumstances)\b|\bwhat (?:are|were) the (?:conditions|requirements|criteria)\b|\b(?:eligible|qualify|requirements?)\b/i],
  ['actor', /^(?:and |so |but )?(?:who|whom|whose)\b|(?:^|[,;.?] ?)(?:and |so |but )?who(?:'s| is| are| can| will| should| does| did)\b/i],
  ['place', /^(?:and |so |but )?where\b|\bwhere (?:can|do|does|is|are|should|will)\b/i],
  ['definition', /\bhow (?:is|are|was|were|do|does|did) (?:[\p{L}'-]+ ){0,6}defin(?:e|ed|es)\b|\bdefin(?:e|ition|itions)\b/iu],
  ['procedure', /\bhow (?:do|can|could|should|would|does|did|will|is|are|to)\b|\bwhat (?:should|can|must|do) (?:i|we|you|they|one|victims?|a victim)\b(?: \w+){0,2} do\b|\bwhat (?:steps|happens)\b|\b(?:procedure|process) (?:for|of|to)\b|\bhow (?:\w+ ){0,2}(?:apply|report|get)\b/i],
  ['list', /\bwhat (?:are|were) (?:the|some|its|their)\b|\bwhich (?:\w+ )?\w+s\b|\b(?:list|name) (?:the|all|some)\b|\bwhat (?:kinds?|types?|sorts?|forms?) of\b|\bwhat (?:measures|steps|services|rights|options)\b/i],
  ['definition', /^(?:so )?what(?: i|')s (?:an? |the )?[\p{L} -]{2,40}\??$|^what (?:is|are) (?:an? |the )?[\p{L} -]{2,40}\??$|\bwhat does [\p{L}' -]{2,40} mean\b|\bwhat is meant by\b|\bmeaning of\b|\bstands? for\b/iu],
];

/**
 * "Which ministry is …", "what organisation runs …": the word after which/what, when another word
 * follows it, is the noun whose WordNet category says whether an actor or a place is asked for
 * (no list of verbs: the category decides, so "which kind of …" or "what year …" ask for neither).
 */
const WHICH_NOUN = /\b(?:which|what) ([\p{L}-]+) (?!of\b)[\p{L}]/iu;

/** The kind of fact the question asks for, or null when it asks for none in particular. */
export function askedFact(question: string, lookup: CategoryLookup): FactKind | null {
  const text = question.replace(/\s+/g, ' ').trim();
  const noun = WHICH_NOUN.exec(text)?.[1];
  const categories = noun ? lookup.categoriesOf(noun) : [];
  for (const [kind, pattern] of ASK_PATTERNS) {
    // A "which X" question about an organisation or a place asks for one, whatever else it says.
    if (kind === 'actor' && (categories.includes('organization') || categories.includes('person'))) return 'actor';
    if (kind === 'place' && categories.includes('place')) return 'place';
    if (pattern.test(text)) return kind;
  }
  return null;
}
