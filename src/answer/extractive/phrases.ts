/**
 * @module The offline answer's own words, in the question's language: English, bokmål, nynorsk.
 * Quotes stay verbatim English; only the framing around them changes.
 */
import type { Language } from '../../query/language.ts';
import type { FactKind } from '../../text/facts.ts';

export interface Phrases {
  months: ReadonlyArray<string>;
  /** "5 June 2006" / "5. juni 2006". */
  date: (day: number, month: string, year: string) => string;
  according: (source: string) => string;
  older: (author: string, section: string | undefined) => string;
  also: (source: string) => string;
  /** Before the help contacts of a help-seeking question. */
  help: string;
  /** Before the rest of the answer to a help-seeking question. */
  situation: string;
  /** When the documents say nothing more on a help-seeking question than who can help. */
  nothingMore: string;
  refusal: (reason: string) => string;
  nearest: string;
  unmet: (quoted: string) => string;
  unknown: (quoted: string) => string;
  missingAsked: (asked: FactKind) => string;
  noMatch: string;
  noQuote: string;
  /** The whole answer when a language model says the passages do not answer. */
  notAnswered: string;
  /** Why a language model's answer was not kept: none of its claims had a passage behind it. */
  modelUnbacked: string;
}

const EN_ASKED: Readonly<Record<FactKind, string>> = {
  number: 'the figure', date: 'the date', duration: 'the length of time', actor: 'who', place: 'the place', contact: 'the contact',
  definition: 'the definition', procedure: 'the steps', reason: 'the reason', condition: 'the conditions', list: 'the list',
};
const NB_ASKED: Readonly<Record<FactKind, string>> = {
  number: 'tallet', date: 'datoen', duration: 'hvor lenge', actor: 'hvem', place: 'stedet', contact: 'kontakten',
  definition: 'definisjonen', procedure: 'fremgangsmåten', reason: 'grunnen', condition: 'vilkårene', list: 'listen',
};
const NN_ASKED: Readonly<Record<FactKind, string>> = {
  number: 'talet', date: 'datoen', duration: 'kor lenge', actor: 'kven', place: 'staden', contact: 'kontakten',
  definition: 'definisjonen', procedure: 'framgangsmåten', reason: 'grunnen', condition: 'vilkåra', list: 'lista',
};

const NORWEGIAN_MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

export const PHRASES: Readonly<Record<Language, Phrases>> = {
  en: {
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    date: (day, month, year) => `${day} ${month} ${year}`,
    according: (source) => `According to the ${source}`,
    older: (author, section) => `The older ${author} said${section ? `, in ${section}` : ''}`,
    also: (source) => `Also, the ${source}`,
    help: 'If you or someone you know needs help now, these are the contacts the documents give:',
    situation: 'About your situation:',
    nothingMore: 'The documents say nothing more specific about your situation.',
    refusal: (reason) => `The documents do not answer this question: ${reason}.`,
    nearest: 'The nearest passages are listed below as related reading, not as an answer.',
    unmet: (quoted) => `the passages that match say nothing about ${quoted}`,
    unknown: (quoted) => `the documents never mention ${quoted}`,
    missingAsked: (asked) => `the passages that match do not give ${EN_ASKED[asked]} asked for`,
    noMatch: 'no passage matches the question closely enough',
    noQuote: 'no passage could be quoted',
    notAnswered: 'The documents do not answer this question.',
    modelUnbacked: 'no claim of the model’s answer was backed by the passages',
  },
  nb: {
    months: NORWEGIAN_MONTHS,
    date: (day, month, year) => `${day}. ${month} ${year}`,
    according: (source) => `Ifølge ${source}`,
    older: (author, section) => `Den eldre ${author} sa${section ? `, i ${section}` : ''}`,
    also: (source) => `Også ${source}`,
    help: 'Hvis du eller noen du kjenner trenger hjelp nå, er dette kontaktene dokumentene gir:',
    situation: 'Om situasjonen din:',
    nothingMore: 'Dokumentene sier ikke noe mer konkret om situasjonen din.',
    refusal: (reason) => `Dokumentene svarer ikke på dette spørsmålet: ${reason}.`,
    nearest: 'De nærmeste avsnittene står under som lesestoff, ikke som svar.',
    unmet: (quoted) => `avsnittene som passer sier ingenting om ${quoted}`,
    unknown: (quoted) => `dokumentene nevner aldri ${quoted}`,
    missingAsked: (asked) => `avsnittene som passer gir ikke ${NB_ASKED[asked]} det spørres etter`,
    noMatch: 'ingen avsnitt passer godt nok til spørsmålet',
    noQuote: 'ingen avsnitt kunne siteres',
    notAnswered: 'Dokumentene svarer ikke på dette spørsmålet.',
    modelUnbacked: 'ingen påstand i språkmodellens svar hadde et avsnitt bak seg',
  },
  nn: {
    months: NORWEGIAN_MONTHS,
    date: (day, month, year) => `${day}. ${month} ${year}`,
    according: (source) => `Ifølgje ${source}`,
    older: (author, section) => `Den eldre ${author} sa${section ? `, i ${section}` : ''}`,
    also: (source) => `Òg ${source}`,
    help: 'Om du eller nokon du kjenner treng hjelp no, er dette kontaktane dokumenta gir:',
    situation: 'Om situasjonen din:',
    nothingMore: 'Dokumenta seier ikkje noko meir konkret om situasjonen din.',
    refusal: (reason) => `Dokumenta svarar ikkje på dette spørsmålet: ${reason}.`,
    nearest: 'Dei næraste avsnitta står under som lesestoff, ikkje som svar.',
    unmet: (quoted) => `avsnitta som passar seier ingenting om ${quoted}`,
    unknown: (quoted) => `dokumenta nemner aldri ${quoted}`,
    missingAsked: (asked) => `avsnitta som passar gir ikkje ${NN_ASKED[asked]} det blir spurt etter`,
    noMatch: 'ingen avsnitt passar godt nok til spørsmålet',
    noQuote: 'ingen avsnitt kunne siterast',
    notAnswered: 'Dokumenta svarar ikkje på dette spørsmålet.',
    modelUnbacked: 'ingen påstand i svaret frå språkmodellen hadde eit avsnitt bak seg',
  },
};
