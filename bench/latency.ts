/** @module `npm run bench`: start-up, search and answer latency in-process over the eval questions (warm). */
import { loadConfig } from '../src/config.ts';
import { readEvalSet } from '../src/eval/dataset.ts';
import { percentile } from '../src/eval/percentile.ts';
import { createLogger } from '../src/log.ts';
import { createRuntime } from '../src/runtime.ts';

const report = (name: string, ms: number[]): void =>
  console.log(`| ${name} | ${ms.length} | ${percentile(ms, 0.5).toFixed(1)} | ${percentile(ms, 0.95).toFixed(1)} | ${Math.max(...ms).toFixed(1)} |`);

const config = loadConfig(process.env);
const t0 = performance.now();
const runtime = await createRuntime(config, createLogger('warn'));
const startMs = performance.now() - t0;
const questions = (await readEvalSet(process.argv[2] ?? 'eval/dev.jsonl')).map((i) => i.question);

for (const q of questions.slice(0, 5)) await runtime.answerer.answer({ messages: [{ role: 'user', content: q }] });

const search: number[] = [];
const chat: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const q of questions) {
    let t = performance.now();
    await runtime.searcher.search({ query: q, k: 8 });
    search.push(performance.now() - t);
    t = performance.now();
    await runtime.answerer.answer({ messages: [{ role: 'user', content: q }] });
    chat.push(performance.now() - t);
  }
}
console.log(`start-up: ${startMs.toFixed(0)} ms (${runtime.rebuilt ? 'index built' : 'index loaded'}; ${runtime.index.chunks.length} chunks, ${runtime.index.sentences.length} sentences, embedder ${runtime.embedder.name}, answerer ${runtime.answerer.name})`);
console.log('| operation | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|');
report('search (k=8)', search);
report(`answer (${runtime.answerer.name})`, chat);
