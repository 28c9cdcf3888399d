/**
 * @module `npm run eval [-- --set FILE]`: search and answer figures on a question set, as the shared
 * black-box checker counts them (a search hit covers half of a gold quote; an answer is supported
 * when it cites a passage overlapping one), per kind and persona; `--lodo` also asks each question
 * only one document answers of an index without that document, where it must be refused.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ExtractiveAnswerer } from '../answer/extractive/extractive-answerer.ts';
import { loadConfig } from '../config.ts';
import { QuoteLocator, type DocSpan } from '../corpus/locate.ts';
import { isSupported, scoreAnswers, type AnswerCase } from '../eval/answers.ts';
import { goldQuotes, readEvalSet, searchQuery, type EvalItem } from '../eval/dataset.ts';
import { percentile } from '../eval/percentile.ts';
import { scoreRetrieval, type RetrievalCase } from '../eval/retrieval.ts';
import { withoutDocuments } from '../index/restrict.ts';
import { createLogger } from '../log.ts';
import { answeringDeps } from '../compose.ts';
import { createRuntime } from '../runtime.ts';
import { messagesOf } from '../train/collect.ts';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'eval/dev.jsonl' },
    verbose: { type: 'boolean', default: false },
    'no-answers': { type: 'boolean', default: false },
    lodo: { type: 'boolean', default: false },
    /** A set of messages labelled `helpSeeking`: how often each kind gets the help card. */
    help: { type: 'string' },
  },
});
const config = loadConfig(process.env);
const runtime = await createRuntime(config, createLogger('warn'));

if (values.help) {
  // The help card: shown to those asking for help, never to the others.
  const rows = (await readFile(values.help, 'utf8')).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string; question: string; helpSeeking: boolean; language?: string });
  const groups = new Map<string, { n: number; card: number }>();
  for (const row of rows) {
    const result = await runtime.answerer.answer({ messages: [{ role: 'user', content: row.question }] });
    const shown = (result.help?.length ?? 0) > 0;
    for (const key of [`${row.helpSeeking ? 'asking for help' : 'ordinary'} (all)`, `${row.helpSeeking ? 'asking for help' : 'ordinary'} (${row.language ?? 'en'})`]) {
      const g = groups.get(key) ?? { n: 0, card: 0 };
      g.n++;
      if (shown) g.card++;
      groups.set(key, g);
    }
    if (values.verbose && shown !== row.helpSeeking) console.log(`  ${row.id} ${row.helpSeeking ? 'missed' : 'flagged'}: ${row.question.slice(0, 120)}`);
  }
  console.log(`\n## help card (${values.help})\n| questions | n | got the card |\n|---|---|---|`);
  for (const [key, g] of [...groups].sort()) console.log(`| ${key} | ${g.n} | ${g.card}/${g.n} (${(g.card / g.n).toFixed(3)}) |`);
  process.exit(0);
}

const items = await readEvalSet(values.set ?? 'eval/dev.jsonl');
const locator = new QuoteLocator(runtime.docs);
const goldOf = new Map(items.map((i) => [i.id, goldQuotes(i).map((q) => locator.locate(q)).filter((s): s is DocSpan => s !== null)]));
const fmt = (x: number): string => x.toFixed(3);
const groupsOf = (item: EvalItem): string[] => [`kind ${item.kind}`, ...(typeof item['persona'] === 'string' ? [`persona ${item['persona']}`] : [])];

const retrieval: Array<RetrievalCase & { id: string; groups: string[] }> = [];
const searchMs: number[] = [];
for (const item of items.filter((i) => (goldOf.get(i.id) ?? []).length > 0)) {
  const t0 = performance.now();
  const hits = await runtime.searcher.search({ query: searchQuery(item), k: 8 });
  searchMs.push(performance.now() - t0);
  retrieval.push({ id: item.id, kind: item.kind, groups: groupsOf(item), gold: goldOf.get(item.id) ?? [], results: hits });
}
const r = scoreRetrieval(retrieval);
console.log(`\n## search (${values.set}): ${r.n} answerable questions`);
console.log('| group | n | R@1 | R@5 | R@8 | MRR |\n|---|---|---|---|---|---|');
console.log(`| **all** | ${r.n} | ${fmt(r.recallAt1)} | ${fmt(r.recallAt5)} | ${fmt(r.recallAt8)} | ${fmt(r.mrr)} |`);
for (const group of [...new Set(retrieval.flatMap((c) => c.groups))].sort()) {
  const s = scoreRetrieval(retrieval.filter((c) => c.groups.includes(group)));
  console.log(`| ${group} | ${s.n} | ${fmt(s.recallAt1)} | ${fmt(s.recallAt5)} | ${fmt(s.recallAt8)} | ${fmt(s.mrr)} |`);
}
console.log(`search latency p50 / p95 (ms, in-process): ${percentile(searchMs, 0.5).toFixed(1)} / ${percentile(searchMs, 0.95).toFixed(1)}`);

if (!values['no-answers']) {
  const cases: Array<AnswerCase & { id: string; groups: string[] }> = [];
  const latencies: number[] = [];
  for (const item of items) {
    const t0 = performance.now();
    const result = await runtime.answerer.answer({ messages: messagesOf(item) });
    latencies.push(performance.now() - t0);
    const citationValid = result.citations.map((c) => runtime.view.doc(c.docId)?.text.slice(c.start, c.end) === c.text);
    cases.push({ id: item.id, kind: item.kind, groups: groupsOf(item), gold: goldOf.get(item.id) ?? [], referenceAnswer: item.answer, answer: result.answer, grounded: result.grounded, citations: result.citations, citationValid });
  }
  const s = scoreAnswers(cases);
  const pct = (x: number, n: number): string => `${x}/${n} (${(n ? x / n : 0).toFixed(3)})`;
  console.log(`\n## answers (${runtime.answerer.name})`);
  console.log('| metric | value |\n|---|---|');
  console.log(`| support (answerable, cites a gold passage) | ${pct(s.support, s.answerable)} |`);
  console.log(`| citation precision | ${s.citationPrecision.toFixed(3)} |`);
  console.log(`| valid citations (exact slices) | ${pct(s.citationsValid, s.citations)} |`);
  console.log(`| unanswerable refused | ${pct(s.refused, s.unanswerable)} |`);
  console.log(`| false refusals | ${pct(s.falseRefusals, s.answerable)} |`);
  console.log(`| number questions with all figures | ${s.numbersInAnswer}/${s.numberQuestions} |`);
  console.log(`| answer latency p50 / p95 (ms, in-process) | ${percentile(latencies, 0.5).toFixed(1)} / ${percentile(latencies, 0.95).toFixed(1)} |`);
  console.log('\n| group | n | support | refused |\n|---|---|---|---|');
  for (const group of [...new Set(cases.flatMap((c) => c.groups))].sort()) {
    const g = scoreAnswers(cases.filter((c) => c.groups.includes(group)));
    console.log(`| ${group} | ${g.answerable + g.unanswerable} | ${g.answerable ? fmt(g.support / g.answerable) : '–'} | ${g.unanswerable ? `${g.refused}/${g.unanswerable}` : '–'} |`);
  }
  if (values.verbose) {
    for (const c of cases) {
      const bad = c.kind === 'unanswerable' ? c.grounded : !isSupported(c);
      if (bad) console.log(`  ${c.id} [${c.kind}] ${c.grounded ? 'answered' : 'refused'}: ${c.answer.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }
}

if (values.lodo) {
  let asked = 0;
  let refused = 0;
  for (const doc of runtime.docs) {
    const sole = items.filter((i) => i['soleSource'] === true && new Set((goldOf.get(i.id) ?? []).map((g) => g.docId)).size === 1 && goldOf.get(i.id)?.[0]?.docId === doc.id);
    if (!sole.length) continue;
    const rest = runtime.docs.filter((d) => d.id !== doc.id);
    const answerer = new ExtractiveAnswerer(answeringDeps(withoutDocuments(runtime.index, runtime.docs, new Set([doc.id])), rest, runtime.embedder, runtime.models));
    for (const item of sole) {
      asked++;
      const result = await answerer.answer({ messages: messagesOf(item) });
      if (!result.grounded) refused++;
      else if (values.verbose) console.log(`  ${item.id} without ${doc.id} answered: ${result.answer.replace(/\s+/g, ' ').slice(0, 140)}`);
    }
  }
  console.log(`\n## leave-one-document-out: ${refused}/${asked} refused (${fmt(asked ? refused / asked : 0)})`);
}
