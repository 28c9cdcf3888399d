import { describe, expect, it } from 'vitest';
import { shippedTranslator } from './shipped-glossary.ts';
import { Translator } from './translate.ts';

const translator = new Translator({
  source: 'test',
  licence: 'CC0',
  entries: { hvor: 'where', 'hvor lenge': 'how long', refleksjonsperiode: 'reflection period', identifisere: 'identify', offer: 'victim', og: '', arbeid: 'work', utnyttelse: 'exploitation', rapport: 'report' },
});

describe('Translator.translate', () => {
  it('takes the longest phrase the glossary has first', () => {
    expect(translator.translate('Hvor lenge?')).toBe('How long?');
  });

  it('finds an inflected form through its stem or its infinitive', () => {
    expect(translator.translate('refleksjonsperioden')).toBe('reflection period');
    expect(translator.translate('identifiserte offer')).toBe('identify victim');
  });

  it('reads a compound the glossary lacks as two words it has, a joining "s" allowed', () => {
    expect(translator.translate('arbeidsutnyttelse')).toBe('work exploitation');
  });

  it('never reads a compound as a fused particle plus a word: the literal reading is a wrong one', () => {
    const withParticles = new Translator({ source: 'test', licence: 'CC0', entries: { opp: 'up', rett: 'right', arbeid: 'work', lag: 'team' }, particles: ['opp'] });
    expect(withParticles.translate('opprettet', () => false)).toBe('');
    expect(withParticles.translate('arbeidslaget', () => false)).toBe('work team');
    const without = new Translator({ source: 'test', licence: 'CC0', entries: { opp: 'up', rett: 'right' } });
    expect(without.translate('opprettet', () => false)).toBe('up right');
  });

  it('carries a capital over, so a name inside a sentence stays a name; an acronym is kept as written, unless the whole text is shouted', () => {
    const names = new Translator({ source: 'test', licence: 'CC0', entries: { norge: 'norway', rapport: 'report', kom: 'came' } });
    expect(names.translate('rapport om Norge', () => false)).toBe('report Norway');
    expect(names.translate('Rapport KOM', () => false)).toBe('Report KOM');
    expect(names.translate('RAPPORT KOM', () => false)).toBe('report came');
    expect(names.translate('KOM', () => false)).toBe('KOM');
  });

  it('keeps a capitalised word inside a sentence that the glossary lacks and the documents use as written: a name they use', () => {
    const names = new Translator({ source: 'test', licence: 'CC0', entries: { hva: 'what', er: 'is', et: 'a', barn: 'child', hus: 'house', norge: 'norway' } }, { knows: (w) => ['barnehus', 'norge'].includes(w) });
    expect(names.translate('Hva er et Barnehus?', () => false)).toBe('What is a Barnehus?');
    // Not its first word, nor a word the glossary lists, nor one the documents lack.
    expect(names.translate('Barnehus er et hus', () => false)).toBe('Child house is a house');
    expect(names.translate('Hva er Norge?', () => false)).toBe('What is Norway?');
    expect(names.translate('Hva er et Barnehjem?', () => false)).toBe('What is a?');
  });

  it('reads each side of a hyphen on its own', () => {
    expect(translator.translate('2025-rapporten')).toBe('2025 report');
  });

  it('keeps an unknown word only when told to, and drops words the glossary maps to nothing', () => {
    expect(translator.translate('offer og UDI i Oslo', (w) => /\p{Lu}/u.test(w))).toBe('victim UDI Oslo');
  });

  it('searches a quoted term as written too, beside its translation', () => {
    expect(translator.translate('Hva er en «Barnehus» rapport?', () => false)).toBe('report? Barnehus');
    expect(translator.translate('Hva betyr "arbeidsutnyttelse"?', () => false)).toBe('work exploitation? arbeidsutnyttelse');
    // Apostrophes inside words quote nothing.
    expect(translator.translate("UDI's og KOM's rapport", () => false)).toBe('report');
  });
});

describe('Translator: loan words', () => {
  const english = new Set(['definition', 'american', 'contact', 'period', 'national']);
  const withCognates = new Translator(
    { source: 'test', licence: 'CC0', entries: { hva: 'what', er: 'is' } },
    { cognates: { source: 'test', licence: 'CC0', endings: [['sjon', 'tion'], ['sjonal', 'tional'], ['ansk', 'an'], ['e', ''], ['', '']] }, knows: (w) => english.has(w) },
  );

  it('reads a loan word through its spelling rules, inflected or not, and k as c', () => {
    expect(withCognates.translate('Hva er definisjonen', () => false)).toBe('What is definition');
    expect(withCognates.translate('amerikanske nasjonal kontakt periode', () => false)).toBe('american national contact period');
  });

  it('reads as a loan word only an English word the documents use', () => {
    expect(withCognates.translate('organisasjon', () => false)).toBe('');
    expect(withCognates.translate('kontakt', () => false)).toBe('contact');
    expect(withCognates.translate('perode', () => false)).toBe('');
  });
});

describe('Translator: the general dictionary', () => {
  const used = new Set(['difference', 'plan', 'son', 'transit', 'country', 'river']);
  const withDictionary = new Translator(
    { source: 'test', licence: 'CC0', entries: { hva: 'what', er: 'is' } },
    {
      dictionary: { source: 'test', licence: 'CC BY-SA', entries: { forskjell: ['difference', 'distinction'], plan: ['plane', 'plan'], utsette: ['procrastinate'], sønn: ['son'], transitt: ['transit'], land: ['country'], å: ['river'] } },
      knows: (w) => used.has(w),
    },
  );

  it('reads a word the glossary lacks through the dictionary, inflected or not, in the senses the documents use', () => {
    expect(withDictionary.translate('Hva er forskjellen', () => false)).toBe('What is difference');
    expect(withDictionary.translate('planen sønnen', () => false)).toBe('plan son');
  });

  it('drops a dictionary word none of whose senses the documents use, and never looks up short words', () => {
    expect(withDictionary.translate('utsette', () => false)).toBe('');
    expect(withDictionary.translate('å', () => false)).toBe('');
  });

  it('reads a compound through dictionary words too', () => {
    expect(withDictionary.translate('transittland', () => false)).toBe('transit country');
  });

  it('ships a dictionary that reads general words the glossary lacks', () => {
    const shipped = shippedTranslator((w) => ['difference', 'denmark', 'method'].includes(w));
    expect(shipped.translate('forskjellen Danmark metoden', () => false)).toBe('difference Denmark method');
  });
});

describe('Translator.lean', () => {
  const lists = new Translator(
    { source: 'test', licence: 'CC0', entries: { straff: 'penalty punishment', telefon: 'phone', nummer: 'number', film: 'film' } },
    { dictionary: { source: 'test', licence: 'CC BY-SA', entries: { krisesenter: ['crisis centre'] } } },
  );

  it('counts words only the Norwegian lists have (inflected, or as a compound) for Norwegian and English words they lack against it', () => {
    expect(lists.lean(['straffen', 'telefonnummer', 'krisesenteret'])).toBe(3);
    expect(lists.lean(['victim', 'penalty'])).toBe(-1);
    // A word of both languages ("film") and an unknown one ("xyz") tell nothing.
    expect(lists.lean(['film', 'xyz'])).toBe(0);
  });
});


describe('Translator.inEnglish', () => {
  const lists = new Translator({ source: 'test', licence: 'CC0', entries: { hvor: 'where', straff: 'penalty', er: 'is' } });

  it('leaves English as it is and translates Norwegian, a search-box query read by its words', () => {
    expect(lists.inEnglish('where is the penalty?')).toBe('where is the penalty?');
    expect(lists.inEnglish('Hvor er straff?')).toBe('Where is penalty?');
    expect(lists.languageOf('straff')).toBe('nb');
    expect(lists.inEnglish('straff')).toBe('penalty');
  });
});
