/** @module `npm run eval [-- --set FILE]`: retrieval (and, with an answerer, answer) metrics on a question set. */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { goldQuotes, readEvalSet, searchQuery } from '../eval/dataset.ts';
import { GoldLocator, type DocSpan } from '../eval/gold.ts';
import { scoreRetrieval, type RetrievalCase } from '../eval/retrieval.ts';
import { createLogger } from '../log.ts';
import type { RetrieverOptions } from '../retrieve/retriever.ts';
import { createRuntime } from '../runtime.ts';

const { values } = parseArgs({ options: { set: { type: 'string', default: 'eval/dev.jsonl' }, verbose: { type: 'boolean', default: false } } });
const config = loadConfig(process.env);
const runtime = await createRuntime(config, createLogger('warn'));
const items = await readEvalSet(values.set ?? 'eval/dev.jsonl');
const locator = new GoldLocator(runtime.docs);
const answerable = items.filter((i) => goldQuotes(i).length > 0);

const variants: Array<[string, Partial<RetrieverOptions>]> = [
  ['hybrid (default)', {}],
  ['bm25 only', { denseWeight: 0, sentenceWeight: 0 }],
  ['dense only', { keywordWeight: 0, sentenceWeight: 0 }],
  ['sentence coverage only', { keywordWeight: 0, denseWeight: 0 }],
  ...(process.env.KILDE_EVAL_EXTRA ? (JSON.parse(process.env.KILDE_EVAL_EXTRA) as Array<[string, Partial<RetrieverOptions>]>) : []),
];

const fmt = (x: number): string => x.toFixed(3);
for (const [name, options] of variants) {
  const cases: Array<RetrievalCase & { id: string }> = [];
  for (const item of answerable) {
    const gold = goldQuotes(item).map((q) => locator.locate(q)).filter((s): s is DocSpan => s !== null);
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
