/** @module `npm run eval [-- --set FILE]`: retrieval (and, with an answerer, answer) metrics on a question set. */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { percentile } from '../eval/percentile.ts';
import { goldQuotes, readEvalSet, searchQuery } from '../eval/dataset.ts';
import { GoldLocator, type DocSpan } from '../eval/gold.ts';
import { isSupported, scoreAnswers, type AnswerCase } from '../eval/answers.ts';
import { scoreRetrieval, type RetrievalCase } from '../eval/retrieval.ts';
import { createLogger } from '../log.ts';
import type { RetrieverOptions } from '../retrieve/retriever.ts';
import { createRuntime } from '../runtime.ts';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'eval/dev.jsonl' },
    verbose: { type: 'boolean', default: false },
    'no-answers': { type: 'boolean', default: false },
    /** Extra retriever settings to compare, as JSON: [["name", { "rrfK": 20 }], …]. */
    variants: { type: 'string' },
  },
});
const config = loadConfig(process.env);
const runtime = await createRuntime(config, createLogger('warn'));
const items = await readEvalSet(values.set ?? 'eval/dev.jsonl');
const locator = new GoldLocator(runtime.docs);
const answerable = items.filter((i) => goldQuotes(i).length > 0);
// Gold passages are located once per question, for every retrieval variant and the answers.
const goldOf = new Map(items.map((i) => [i.id, goldQuotes(i).map((q) => locator.locate(q)).filter((s): s is DocSpan => s !== null)]));

const variants: Array<[string, Partial<RetrieverOptions>]> = [
  ['hybrid (default)', {}],
  ['bm25 only', { denseWeight: 0, sentenceWeight: 0 }],
  ['dense only', { keywordWeight: 0, sentenceWeight: 0 }],
  ['sentence coverage only', { keywordWeight: 0, denseWeight: 0 }],
  ...(values.variants ? (JSON.parse(values.variants) as Array<[string, Partial<RetrieverOptions>]>) : []),
];

const fmt = (x: number): string => x.toFixed(3);
for (const [name, options] of variants) {
  const cases: Array<RetrievalCase & { id: string }> = [];
  for (const item of answerable) {
    const gold = goldOf.get(item.id) ?? [];
    const ranked = (await runtime.retriever.rank(searchQuery(item), undefined, options)).slice(0, 5);
    const results = ranked.map(([ci]) => runtime.index.chunks[ci]).filter((c) => c !== undefined);
    cases.push({ id: item.id, kind: item.kind, gold, results });
  }
  const overall = scoreRetrieval(cases);
  console.log(`\n## ${name}  (${values.set})`);
  console.log('| kind | n | R@1 | R@5 | MRR |\n|---|---|---|---|---|');
  console.log(`| **all** | ${overall.n} | ${fmt(overall.recallAt1)} | ${fmt(overall.recallAt5)} | ${fmt(overall.mrr)} |`);
  for (const kind of [...new Set(cases.map((c) => c.kind))].sort()) {
    const s = scoreRetrieval(cases.filter((c) => c.kind === kind));
    console.log(`| ${kind} | ${s.n} | ${fmt(s.recallAt1)} | ${fmt(s.recallAt5)} | ${fmt(s.mrr)} |`);
  }
  if (values.verbose) {
    for (const c of cases) {
      const s = scoreRetrieval([c]);
      if (s.recallAt5 < 1) console.log(`  miss ${c.id} [${c.kind}]`);
    }
  }
}

if (!values['no-answers']) {
  const cases: Array<AnswerCase & { id: string }> = [];
  const latencies: number[] = [];
  for (const item of items) {
    const gold = goldOf.get(item.id) ?? [];
    const messages = [...(item.history ?? []), { role: 'user' as const, content: item.question }];
    const t0 = performance.now();
    const result = await runtime.answerer.answer({ messages });
    latencies.push(performance.now() - t0);
    const citationValid = result.citations.map((c) => runtime.view.doc(c.docId)?.text.slice(c.start, c.end) === c.text);
    cases.push({ id: item.id, kind: item.kind, gold, referenceAnswer: item.answer, answer: result.answer, grounded: result.grounded, citations: result.citations, citationValid });
  }
  const s = scoreAnswers(cases);
  const pct = (x: number, n: number): string => `${x}/${n} (${(n ? x / n : 0).toFixed(3)})`;
  const p = (q: number): string => percentile(latencies, q).toFixed(1);
  console.log(`\n## answers (${runtime.answerer.name})`);
  console.log('| metric | value |\n|---|---|');
  console.log(`| support (answerable, cites a gold passage) | ${pct(s.support, s.answerable)} |`);
  console.log(`| citation precision | ${s.citationPrecision.toFixed(3)} |`);
  console.log(`| valid citations (exact slices) | ${pct(s.citationsValid, s.citations)} |`);
  console.log(`| unanswerable refused | ${s.refused}/${s.unanswerable} |`);
  console.log(`| false refusals | ${s.falseRefusals} |`);
  console.log(`| number questions with all figures | ${s.numbersInAnswer}/${s.numberQuestions} |`);
  console.log(`| answer latency p50 / p95 (ms, in-process) | ${p(0.5)} / ${p(0.95)} |`);
  if (values.verbose) {
    for (const c of cases) {
      const bad = c.kind === 'unanswerable' ? c.grounded : !isSupported(c);
      if (bad) console.log(`  ${c.id} [${c.kind}] ${c.grounded ? 'answered' : 'refused'}: ${c.answer.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }
}
