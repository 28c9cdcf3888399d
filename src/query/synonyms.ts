/** @module A small thesaurus for how people ask versus how the documents say it ("sent back home" → "repatriated"). */
import { terms } from '../text/terms.ts';

/**
 * Groups of phrases that mean the same thing in questions about trafficking, law and victim support.
 * General domain vocabulary (legal, migration, social-services English), not phrasings of any one question.
 */
const SYNONYM_GROUPS: ReadonlyArray<ReadonlyArray<string>> = [
  ['prison', 'imprisonment', 'jail', 'incarceration'],
  ['sentence', 'penalty', 'punishment'],
  ['send back', 'sent back', 'return home', 'returned', 'repatriate', 'repatriation', 'deport', 'deportation'],
  ['home country', 'country of origin', 'origin'],
  ['child', 'minor', 'juvenile', 'under 18', 'underage'],
  ['buy', 'purchase', 'pay for', 'paying for'],
  ['sex', 'sexual services', 'prostitution', 'commercial sex'],
  ['civil servant', 'public servant', 'state employee', 'public employee', 'government employee', 'public official'],
  ['abroad', 'overseas', 'on assignment abroad', 'international operations'],
  ['shelter', 'safe house', 'safe housing', 'accommodation', 'housing'],
  ['hotline', 'helpline', 'phone line', 'telephone'],
  ['forced labour', 'labour exploitation', 'labour trafficking', 'forced labor', 'labor exploitation', 'labor trafficking'],
  ['convicted', 'conviction', 'found guilty', 'sentenced'],
  ['prosecuted', 'prosecution', 'charged', 'indicted'],
  ['money', 'funding', 'funds', 'budget', 'allocated', 'grant', 'kroner', 'NOK'],
  ['asylum', 'protection', 'refugee'],
  ['residence permit', 'permit to stay', 'right to stay', 'visa'],
  ['organ', 'transplant', 'organs'],
  ['begging', 'beg'],
  ['victim', 'survivor', 'trafficked person'],
  ['police', 'law enforcement'],
  ['NGO', 'non-governmental organisation', 'civil society', 'voluntary organisation'],
  ['legal', 'allowed', 'permitted', 'lawful', 'prohibited', 'illegal', 'criminal offence', 'banned'],
  ['rank', 'ranking', 'tier', 'rated'],
  ['goal', 'aim', 'objective'],
  ['how long', 'duration', 'period', 'months', 'years'],
  ['criminal law', 'penal code', 'criminal code', 'penal provision', 'statute'],
  ['against the law', 'illegal', 'unlawful', 'prohibited', 'criminal offence', 'criminalized', 'criminalised'],
  ['legal help', 'legal aid', 'legal assistance', 'legal advice', 'lawyer', 'counsel'],
  ['witness', 'testify', 'testimony', 'give evidence', 'gave evidence', 'giving evidence'],
  ['accused', 'defendant', 'perpetrator', 'offender'],
  ['come from', 'originate', 'country of origin', 'nationality', 'nationalities'],
  ['man', 'male'],
  ['woman', 'female', 'girl'],
  ['missing', 'go missing', 'gone missing', 'disappear', 'disappearance', 'disappeared', 'vanish'],
  ['crime', 'criminal offence', 'offence', 'punishable', 'criminalise', 'criminalize'],
];

interface Group {
  phrases: string[][];
}

const GROUPS: Group[] = SYNONYM_GROUPS.map((g) => ({ phrases: g.map((p) => terms(p)).filter((t) => t.length > 0) }));

function containsPhrase(haystack: ReadonlyArray<string>, phrase: ReadonlyArray<string>): boolean {
  outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (haystack[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** Terms the question does not use but that the documents may use for the same idea. */
export function expansionTerms(questionTerms: ReadonlyArray<string>): string[] {
  const own = new Set(questionTerms);
  const out = new Set<string>();
  for (const group of GROUPS) {
    if (!group.phrases.some((p) => containsPhrase(questionTerms, p))) continue;
    for (const phrase of group.phrases) for (const t of phrase) if (!own.has(t)) out.add(t);
  }
  return [...out];
}
