import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../corpus/load.ts';
import type { Section, SourceDocument } from '../types.ts';
import { parseSections } from './sections.ts';

const corpus = await loadCorpus('corpus');
const parsed = new Map(corpus.map((d) => [d.id, { doc: d, sections: parseSections(d.text, d.structure) }]));

function docById(id: string): { doc: SourceDocument; sections: Section[] } {
  const entry = parsed.get(id);
  if (!entry) throw new Error(`no document ${id}`);
  return entry;
}

const flat = (s: string): string => s.replace(/\s+/gu, ' ').trim();
const topTitles = (sections: Section[]): string[] => sections.filter((s) => s.level === 1).map((s) => s.title);
const titled = (sections: Section[], title: string): Section => {
  const found = sections.find((s) => s.title === title);
  if (!found) throw new Error(`no section titled ${title}`);
  return found;
};
const sliceOf = (text: string, s: Section): string => text.slice(s.start, s.end);
const lineWith = (text: string, needle: string): number => {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`text lacks ${needle}`);
  return at;
};
/** Innermost section containing an offset. */
const innermost = (sections: Section[], offset: number): Section | undefined =>
  sections.filter((s) => s.start <= offset && offset < s.end).sort((a, b) => b.level - a.level)[0];

describe('parseSections', () => {
  it('returns no sections for an empty or blank text', () => {
    expect(parseSections('')).toEqual([]);
    expect(parseSections('  \n\u00a0\n')).toEqual([]);
  });

  it('reads Markdown headings, with a lone top # as the title and ## as level 1', () => {
    const sections = parseSections('# Report\n\nMarch 2010\n\n## Scope\n\nText a.\n\n### Detail\n\nText b.\n\n## Results\n\nText c.');
    expect(sections.map((s) => [s.kind, s.title, s.level])).toEqual([
      ['title', 'Report', 1],
      ['heading', 'Scope', 1],
      ['heading', 'Detail', 2],
      ['heading', 'Results', 1],
    ]);
    expect(titled(sections, 'Detail').path).toEqual(['Scope', 'Detail']);
  });

  it('keeps a short byline under the title instead of making it a preamble', () => {
    const text = '# Report\n\nMarch 2010\nJane Doe\n\n## Scope\n\nText.';
    const title = titled(parseSections(text), 'Report');
    expect(text.slice(title.start, title.end)).toBe('# Report\n\nMarch 2010\nJane Doe');
  });

  it('reads ALL-CAPS lines as level-1 headings and drops a trailing colon', () => {
    const sections = parseSections('Country report: Norway\n\nNORWAY (Tier 2)\n\nSummary.\n\nPRIORITIZED RECOMMENDATIONS:\n\n  • Do more.\n\nPROSECUTION\n\nText.');
    expect(sections.map((s) => [s.kind, s.title])).toEqual([
      ['title', 'Country report: Norway'],
      ['heading', 'NORWAY (Tier 2)'],
      ['heading', 'PRIORITIZED RECOMMENDATIONS'],
      ['heading', 'PROSECUTION'],
    ]);
  });

  it('reads numbered chapters with wrapped titles and sub-sections in both layouts', () => {
    const text = [
      '1 The first chapter will be',
      'intensified',
      'Body text of the first chapter.',
      '',
      '1.1',
      '',
      'A title that wraps onto',
      '224 of the code',
      '',
      'Body.',
      '',
      ' 2 Second chapter \t\t',
      'Intro.',
      '',
      '2.1 Inline sub-section that',
      'wraps',
      'Body.',
    ].join('\n');
    const sections = parseSections(text);
    expect(sections.map((s) => [s.title, s.level])).toEqual([
      ['1 The first chapter will be intensified', 1],
      ['1.1 A title that wraps onto 224 of the code', 2],
      ['2 Second chapter', 1],
      ['2.1 Inline sub-section that wraps', 2],
    ]);
  });

  it('does not take list items, notes, page numbers or sentences that start with a number as headings', () => {
    const text = '1 Introduction\n\nText.\n\n3 Reasons were given.\n1. First item\n20\n\n2 Methods\n\n12 people took part.\n2.5 million were spent.\n3.1\n\nNot a sub-section of chapter 2.';
    expect(parseSections(text).map((s) => s.title)).toEqual(['1 Introduction', '2 Methods']);
  });

  it('pairs grouped measure stubs with the titles that follow them, in order', () => {
    const text = [
      '1 Chapter one',
      '',
      '1.1 measures:',
      'Measure no. 1',
      'Implementation: 2006-2009',
      'Responsible ministry:',
      'Ministry of A',
      '',
      'Measure no. 2',
      'Implementation: 2006-2009',
      'Responsible Ministry:',
      'Ministry of B',
      '',
      'First measure title that wraps onto',
      'the next line',
      'Body of the first measure.',
      '',
      'Second measure title (new)',
      'Body of the second measure.',
      '',
      'Measure no. 3',
      '',
      'Third measure title',
      '',
      'Implementation: 2006-2009',
      'Responsible ministries:',
      'Ministry of C',
      '',
      'Body of the third measure.',
      '',
      '2 Chapter two',
      'Text.',
    ].join('\n');
    const sections = parseSections(text);
    const measures = sections.filter((s) => s.kind === 'measure');
    expect(measures.map((s) => s.title)).toEqual([
      'Measure no. 1 First measure title that wraps onto the next line',
      'Measure no. 2 Second measure title (new)',
      'Measure no. 3 Third measure title',
    ]);
    expect(measures[1]?.path).toEqual(['1 Chapter one', '1.1 Measures', 'Measure no. 2 Second measure title (new)']);
    expect(text.slice(measures[0]?.start, measures[0]?.end)).toBe('First measure title that wraps onto\nthe next line\nBody of the first measure.');
    const stub = lineWith(text, 'Ministry of B');
    expect(innermost(sections, stub)?.title).toBe('1.1 Measures');
  });

  it('uses short title-like lines as headings when the document has no stronger heading system', () => {
    const sections = parseSections('Welcome\nSome intro text here.\nWho can help you?\n- Police\n- Doctor\nMore information\nText with details.');
    expect(sections.map((s) => [s.kind, s.title, s.level])).toEqual([
      ['heading', 'Welcome', 1],
      ['heading', 'Who can help you?', 1],
      ['heading', 'More information', 1],
    ]);
  });

  it('ignores short title-like lines in a document that has Markdown headings', () => {
    const sections = parseSections('## Part\n\nShort line\nA paragraph of text.');
    expect(sections.map((s) => s.title)).toEqual(['Part']);
  });

  it('turns metadata lines and implicit paragraphs from the hints into sections', () => {
    const text = 'Last Updated: today\n\nPublisher Someone\n\nCountry (Tier 1)\n\nFirst paragraph.\n\nSecond paragraph.\n\n\nThird paragraph.\nSearch here';
    const sections = parseSections(text, {
      metadataLines: ['^Last Updated:', '^Publisher ', '^Search here$'],
      implicitSections: { under: 'Country (Tier 1)', titles: ['Overview', 'Details'] },
    });
    expect(sections.map((s) => [s.kind, s.title, s.level])).toEqual([
      ['metadata', 'Publisher metadata', 1],
      ['heading', 'Country (Tier 1)', 1],
      ['implicit', 'Overview', 2],
      ['implicit', 'Details', 2],
      ['metadata', 'Page footer', 1],
    ]);
    expect(text.slice(sections[3]?.start, sections[3]?.end)).toBe('Second paragraph.\n\n\nThird paragraph.');
  });

  it('splits a leading title line from a long untitled foreword', () => {
    const foreword = 'This plan shows the way. It has many parts and long sentences that explain the goals. '.repeat(5);
    const sections = parseSections(` Stop it!\n\n${foreword}\nThe Minister\n\n1 First chapter\nText.\n\n2 Second chapter\nText.`);
    expect(sections.slice(0, 2).map((s) => [s.kind, s.title, s.level])).toEqual([
      ['title', 'Stop it!', 1],
      ['preamble', 'Foreword', 1],
    ]);
  });

  it('tags a short block that interrupts a sentence as a sidebar', () => {
    const text = '1 Chapter\nThe Convention and the\n\nSlaves do not\npick cotton.\n\noptional protocols apply as law.\n\n2 Chapter\nText.';
    const sidebar = parseSections(text).find((s) => s.kind === 'sidebar');
    expect(sidebar?.title).toBe('Sidebar: “Slaves do not pick cotton.”');
    expect(sidebar?.parentId).toBe('s0');
  });

  it('tags a note line as a footnote only when its marker is glued to a word earlier on', () => {
    const text = '1 Chapter\nThis is section 132a6 of the Penal\n6. Travaux préparatoires, 2000.\n Code. It protects witnesses.\n1. A list item.\n\n2 Chapter\nText.';
    const notes = parseSections(text).filter((s) => s.kind === 'footnote');
    expect(notes.map((s) => [s.title, text.slice(s.start, s.end)])).toEqual([['Footnote 6', '6. Travaux préparatoires, 2000.']]);
  });

  it.each(corpus.map((d) => [d.id]))('gives %s unique ids in document order and ranges that nest', (id) => {
    const { doc, sections } = docById(id);
    const byId = new Map(sections.map((s) => [s.id, s]));
    sections.forEach((s, i) => {
      expect(s.id).toBe(`s${i}`);
      expect(0 <= s.start && s.start < s.end && s.end <= doc.text.length).toBe(true);
      expect(sliceOf(doc.text, s)).toBe(sliceOf(doc.text, s).trim());
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(sections[i - 1]?.start ?? 0);
      const parent = s.parentId === null ? undefined : byId.get(s.parentId);
      expect(s.level).toBe(parent ? parent.level + 1 : 1);
      expect(s.path).toEqual(parent ? [...parent.path, s.title] : [s.title]);
      if (parent) expect(parent.start <= s.start && s.end <= parent.end).toBe(true);
    });
    for (const a of sections) for (const b of sections) if (a.start < b.start && b.start < a.end) expect(b.end).toBeLessThanOrEqual(a.end);
  });

  it.each(corpus.map((d) => [d.id]))('starts every heading-like section of %s with its heading text', (id) => {
    const { doc, sections } = docById(id);
    const noMarkers = (s: string): string => s.replace(/(\p{L})\d{1,2}\b/gu, '$1');
    for (const s of sections.filter((x) => x.kind === 'title' || x.kind === 'heading' || x.kind === 'measure')) {
      const slice = noMarkers(flat(sliceOf(doc.text, s).replace(/^#+\s*/u, ''))).toLowerCase();
      const heading = s.title === '8.2 Knowledge' ? '8.2' : s.title;
      const grouped = heading.replace(/^Measure no\. \d+ /u, '');
      expect([heading, grouped].some((h) => slice.startsWith(noMarkers(h).toLowerCase())), s.title).toBe(true);
    }
  });

  it.each(corpus.map((d) => [d.id]))('puts every non-whitespace character of %s inside a section', (id) => {
    const { doc, sections } = docById(id);
    const covered = new Uint8Array(doc.text.length);
    for (const s of sections) covered.fill(1, s.start, s.end);
    const lost = [...doc.text].filter((ch, i) => covered[i] === 0 && /\S/u.test(ch));
    expect(lost).toEqual([]);
  });
});

describe('tip-2006', () => {
  const { doc, sections } = docById('tip-2006');

  it('has the publisher metadata, the country heading and the footer at the top level', () => {
    expect(topTitles(sections)).toEqual(['Publisher metadata', 'Norway (Tier 1)', 'Page footer']);
    expect(sections.filter((s) => s.kind === 'metadata').map((s) => flat(sliceOf(doc.text, s)).slice(0, 13))).toEqual(['Last Updated:', 'Search Refwor']);
  });

  it('maps the five paragraphs under the heading to the implicit TIP sections', () => {
    const implicit = sections.filter((s) => s.kind === 'implicit');
    expect(implicit.map((s) => s.title)).toEqual(['Country profile', 'Overview', 'Prosecution', 'Protection', 'Prevention']);
    expect(titled(sections, 'Protection').path).toEqual(['Norway (Tier 1)', 'Protection']);
    expect(sliceOf(doc.text, titled(sections, 'Protection'))).toMatch(/^Norway continued to provide significant protection/u);
  });
});

describe('tip-2025', () => {
  const { doc, sections } = docById('tip-2025');

  it('has the report title and the ALL-CAPS headings as level-1 siblings', () => {
    expect(topTitles(sections)).toEqual([
      '2025 Trafficking in Persons Report: Norway',
      'NORWAY (Tier 2)',
      'PRIORITIZED RECOMMENDATIONS',
      'PROSECUTION',
      'PROTECTION',
      'PREVENTION',
      'TRAFFICKING PROFILE',
    ]);
    expect(sections.every((s) => s.level === 1)).toBe(true);
  });

  it('keeps the PROTECTION text in the PROTECTION section', () => {
    expect(innermost(sections, lineWith(doc.text, 'The government slightly increased victim protection efforts.'))?.path).toEqual(['PROTECTION']);
  });
});

describe('plan-2006', () => {
  const { doc, sections } = docById('plan-2006');
  const chapters = sections.filter((s) => s.level === 1 && s.kind === 'heading');
  const measures = sections.filter((s) => s.kind === 'measure');

  it('has the title, the foreword, nine chapters and the cover note at the top level', () => {
    expect(topTitles(sections)).toEqual(['Stop human trafficking!', 'Foreword', ...chapters.map((c) => c.title), 'Cover note']);
    expect(sections.filter((s) => s.level === 1).map((s) => s.kind)).toEqual(['title', 'preamble', ...chapters.map(() => 'heading'), 'caption']);
  });

  it('has chapters 1 to 9 with their full wrapped titles', () => {
    expect(chapters.map((c) => c.title)).toEqual([
      '1 The fight against human trafficking will be intensified',
      '2 Main goals and measures in the plan of action',
      '3 What is human trafficking?',
      '4 Human trafficking will be prevented by introducing measures to limit recruitment and demand',
      '5 Victims of human trafficking will be ensured appropriate assistance and protection',
      '6 Child victims of human trafficking will be ensured appropriate follow-up',
      '7 Human traffickers will be exposed and prosecuted',
      '8 Knowledge and inter-disciplinary cooperation will be strengthened',
      '9 The international framework and international cooperation will be strengthened',
    ]);
  });

  it('has the sub-sections of every layout, including the wrapped, inline and detached titles', () => {
    const subs = sections.filter((s) => s.level === 2 && s.kind === 'heading').map((s) => s.title);
    expect(subs).toEqual(
      expect.arrayContaining([
        '2.1 Main goals',
        '3.3 Human trafficking is contravention of section 224 of the Penal Code',
        '5.3 Residence',
        '6.3 Different ways in which children are exploited',
        '6.4 International obligations and regional cooperation',
        '7.3 Special measures in Oslo',
        '8.2 Knowledge',
        '4.3 Measures',
        '7.4 Measures',
      ]),
    );
    expect(subs).toHaveLength(32);
    expect(titled(sections, '5.3 Residence').path).toEqual(['5 Victims of human trafficking will be ensured appropriate assistance and protection', '5.3 Residence']);
  });

  it('has exactly 37 measures, numbered 1 to 37 once each, inside the measures sub-sections', () => {
    const numbers = measures.map((m) => Number(/^Measure no\. (\d+) /u.exec(m.title)?.[1]));
    expect(numbers).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    expect(measures.every((m) => m.level === 3 && /^\d\.\d Measures$/u.test(m.path[1] ?? ''))).toBe(true);
  });

  it('titles measure 7 and places it under 5.6 Measures', () => {
    expect(measures[6]?.path).toEqual([
      '5 Victims of human trafficking will be ensured appropriate assistance and protection',
      '5.6 Measures',
      'Measure no. 7 Extend the reflection period (new)',
    ]);
  });

  it('gives the grouped measures 1–3 their own titles and bodies', () => {
    expect(measures.slice(0, 3).map((m) => m.title)).toEqual([
      'Measure no. 1 Strengthen and continue efforts to reduce recruitment in countries of origin',
      'Measure no. 2 Ensure that personnel on international operations help to combat human trafficking',
      'Measure no. 3 Implement information measures to limit the demand for and purchase of sexual services',
    ]);
    expect(sliceOf(doc.text, measures[1] as Section)).toMatch(/^Ensure that personnel[\s\S]*1325 \(2000\) on Women, Peace and Security\.$/u);
  });

  it('keeps the grouped stubs inside the measures sub-section but outside every measure', () => {
    const stub = innermost(sections, lineWith(doc.text, 'Measure no. 16  '));
    expect(stub?.title).toBe('6.5 Measures');
  });

  it('tags the summary table of measures as a table of 2.2', () => {
    const table = sections.find((s) => s.kind === 'table');
    expect(table?.path).toEqual(['2 Main goals and measures in the plan of action', '2.2 Measures', 'Table: measures 1–37']);
    expect(sliceOf(doc.text, table as Section)).toMatch(/^Human trafficking will be prevented[\s\S]*Measure no\. 37[\s\S]*organs \(new\)$/u);
  });

  it('tags the pull-quote dropped into a sentence of chapter 1 as a sidebar', () => {
    const sidebar = innermost(sections, lineWith(doc.text, 'Today’s slaves don’t'));
    expect(sidebar?.kind).toBe('sidebar');
    expect(sidebar?.title).toBe('Sidebar: “Today’s slaves don’t pick cotton.”');
    expect(sliceOf(doc.text, sidebar as Section)).toBe('Today’s slaves don’t\npick cotton.');
  });

  it('tags the note text 6. that interrupts “section 132a6 of the Penal Code” as a footnote', () => {
    const note = innermost(sections, lineWith(doc.text, '6. Travaux préparatoires'));
    expect(note?.kind).toBe('footnote');
    expect(note?.title).toBe('Footnote 6');
    expect(note?.path.slice(0, 2)).toEqual(['7 Human traffickers will be exposed and prosecuted', '7.2 Investigation']);
    expect(sliceOf(doc.text, note as Section)).toMatch(/^6\. Travaux[\s\S]*\(1999–2000\)\.$/u);
  });

  it('tags the seven footnotes, the sidebars and the captions', () => {
    const tagged = sections.filter((s) => ['footnote', 'sidebar', 'caption'].includes(s.kind)).map((s) => [s.kind, flat(sliceOf(doc.text, s)).slice(0, 24)]);
    expect(tagged).toEqual([
      ['sidebar', 'You can run away, but wh'],
      ['sidebar', 'Today’s slaves don’t pic'],
      ['sidebar', '“ There was just a bang '],
      ['footnote', '1. E/CN.4 1997, Sandvik '],
      ['footnote', '2. IOM 1996, Sandvik 200'],
      ['footnote', '3. Wijers and Lap-Chew 1'],
      ['footnote', '4. EC/N.4/1997, Sandvik '],
      ['footnote', '5. Sandvik 2002'],
      ['sidebar', '“ Human trafficking is p'],
      ['caption', 'Norwegian Bureau of Crim'],
      ['sidebar', 'What is the price of a h'],
      ['caption', 'Everyone is born free wi'],
      ['sidebar', 'The best interests of th'],
      ['sidebar', '“ There are situations w'],
      ['footnote', '6. Travaux préparatoires'],
      ['footnote', '7. Report No. 23 to the '],
      ['caption', 'The painting on the cove'],
    ]);
  });

  it('finds the unnumbered sub-headings of 3.7 and 3.8', () => {
    const runIns = sections.filter((s) => s.level === 3 && s.kind === 'heading').map((s) => s.path.slice(1).join(' › '));
    expect(runIns).toEqual([
      '3.7 The causes of human trafficking › Prostitution',
      '3.7 The causes of human trafficking › Illegal trade in human organs',
      '3.7 The causes of human trafficking › Forced labour',
      '3.8 Human trafficking in Norway › Prostitution',
      '3.8 Human trafficking in Norway › Forced labour',
      '3.8 Human trafficking in Norway › Illegal trade in human organs',
    ]);
  });
});

describe('bsppc-2010', () => {
  const { doc, sections } = docById('bsppc-2010');

  it('has the Markdown title and the ## headings at level 1', () => {
    expect(sections.map((s) => [s.kind, s.title, s.level])).toEqual([
      ['title', 'Trafficking in Human Beings – Norwegian description to the BSPPC working group', 1],
      ['heading', 'National Plan of Action against Trafficking', 1],
      ['heading', 'The Coordinating Unit for Assistance and Protection', 1],
      ['heading', 'Legislation', 1],
      ['heading', 'Extent of the problem', 1],
    ]);
  });

  it('keeps the date and byline in the title section', () => {
    expect(innermost(sections, lineWith(doc.text, 'Jan Austad'))?.kind).toBe('title');
  });
});

describe('udi-victims', () => {
  const { sections } = docById('udi-victims');

  it('uses the short title-like lines as level-1 headings', () => {
    expect(topTitles(sections)).toEqual([
      'Human trafficking',
      'Are you being exploited for the purpose of prostitution, work, begging or crime?',
      'What kind of residence permit can you be granted in Norway?',
      'Period of reflection',
      'Limited residence permit',
      'Residence permits for witnesses in human trafficking cases',
      'Protection (asylum)',
      'Who can help you?',
      'Further information for helpers',
    ]);
    expect(sections).toHaveLength(9);
  });
});
