/**
 * @module `npm run train`: fits the ranker and the answer check on the train split, selects their
 * settings on the validation split, and writes src/rank/weights.json. Deterministic: the same data
 * and code give the same file. Memory features of training questions are cross-fitted (each fold
 * remembers only the other folds), so the ranker learns how far to trust a memory it has not seen.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { goldQuotes, readEvalSet, type EvalItem } from '../eval/dataset.ts';
import { QuoteLocator } from '../corpus/locate.ts';
import type { BuiltIndex } from '../index/built-index.ts';
import { withoutDocuments } from '../index/restrict.ts';
import { createLogger } from '../log.ts';
import { ANSWER_FEATURES, checkAnswer } from '../rank/answerability.ts';
import { FEATURES } from '../rank/features.ts';
import type { QuestionMemory } from '../rank/memory.ts';
import { LinearModel } from '../rank/model.ts';
import { MODELS_FORMAT_VERSION, type ModelsFile } from '../rank/models.ts';
import { Ranker } from '../rank/ranker.ts';
import { corpusContext, type CorpusContext } from '../compose.ts';
import { openCorpus } from '../runtime.ts';
import { collect, goldSpans, questionOf, searchText, type Example } from '../train/collect.ts';
import { fitClassifier, fitRanker } from '../train/logistic.ts';
import { trainHelp, type HelpExample } from '../train/help.ts';
import { buildMemory, type Remembered } from '../train/memory-data.ts';
import { rankingFigures, rescore } from '../train/metrics.ts';
import type { SourceDocument } from '../types.ts';

const { values } = parseArgs({
  options: {
    train: { type: 'string', default: 'eval/bank/train.jsonl,eval/dev.jsonl,eval/holdout.jsonl,eval/blind.jsonl,eval/norwegian.jsonl' },
    validation: { type: 'string', default: 'eval/bank/validation.jsonl,eval/norwegian-blind.jsonl' },
    help: { type: 'string', default: 'eval/help/help-dev.jsonl' },
    out: { type: 'string', default: 'src/rank/weights.json' },
  },
});

/** L2 penalties tried for each model; the one best on validation is kept. */
const L2_GRID = [0.001, 0.01, 0.1];
/** Passages given to a language model: the k of recall@k reported, and chosen from. */
const PROMPT_KS = [4, 8, 12];
/** The most answerable validation questions the threshold may refuse (the 5% the product allows). */
const FALSE_REFUSAL_BUDGET = 0.05;
/** Folds for cross-fitting the memory features of training questions. */
const FOLDS = 5;

const foldOf = (id: string): number => createHash('sha256').update(id).digest()[0]! % FOLDS;

const config = loadConfig(process.env);
const corpus = await openCorpus(config, createLogger('warn'));
const locator = new QuoteLocator(corpus.docs);
// One question is embedded once, however many indexes it is asked against.
const vectors = new Map<string, Promise<number[]>>();
const embedder = {
  embedQuery: (text: string): Promise<number[]> => {
    const known = vectors.get(text) ?? corpus.embedder.embedQuery(text);
    vectors.set(text, known);
    return known;
  },
};
const full = corpusContext(corpus.index, corpus.docs);

async function read(files: string): Promise<EvalItem[]> {
  return (await Promise.all(files.split(',').map((f) => readEvalSet(f.trim())))).flat();
}

const t0 = performance.now();
const trainItems = await read(values.train ?? '');
const validationItems = await read(values.validation ?? '');
const remembered: Remembered[] = [];
for (const item of trainItems) {
  const question = questionOf(item, full);
  remembered.push({ id: item.id, terms: [...question.terms, ...question.contextTerms], vector: await embedder.embedQuery(searchText(question)), gold: goldSpans(item, locator) });
}
const foldMemories = Array.from({ length: FOLDS }, (_, f) => buildMemory(remembered.filter((r) => foldOf(r.id) !== f), full.facts));
const fullMemory = buildMemory(remembered, full.facts);
const memoryFor = (item: EvalItem, inTrain: boolean): QuestionMemory => (inTrain ? (foldMemories[foldOf(item.id)] ?? fullMemory) : fullMemory);

async function collectAll(items: ReadonlyArray<EvalItem>, inTrain: boolean, index: BuiltIndex, context: CorpusContext): Promise<Example[]> {
  const rankers = new Map<QuestionMemory, Ranker>();
  const out: Example[] = [];
  for (const item of items) {
    const memory = memoryFor(item, inTrain);
    const ranker = rankers.get(memory) ?? new Ranker(index, context.facts, embedder, null, memory);
    rankers.set(memory, ranker);
    out.push(await collect(item, ranker, context, locator));
  }
  return out;
}

/**
 * Leave-one-document-out negatives: a question only one document answers, asked of an index built
 * without that document, has no answer.
 */
async function leaveOneOut(items: ReadonlyArray<EvalItem>, examples: ReadonlyArray<Example>, inTrain: boolean): Promise<Example[]> {
  const out: Example[] = [];
  for (const doc of corpus.docs) {
    const sole = items.filter((item, i) => {
      const docs = new Set(examples[i]?.gold.map((g) => g.docId));
      return item['soleSource'] === true && docs.size === 1 && docs.has(doc.id);
    });
    if (!sole.length) continue;
    const rest: SourceDocument[] = corpus.docs.filter((d) => d.id !== doc.id);
    const index = withoutDocuments(corpus.index, corpus.docs, new Set([doc.id]));
    const negatives = await collectAll(sole, inTrain, index, corpusContext(index, rest));
    out.push(...negatives.map((n) => ({ ...n, id: `${n.id}-without-${doc.id}`, kind: 'unanswerable', gold: [], positives: [] })));
  }
  return out;
}

const train = await collectAll(trainItems, true, corpus.index, full);
const validation = await collectAll(validationItems, false, corpus.index, full);
const trainNegatives = await leaveOneOut(trainItems, train, true);
const validationNegatives = await leaveOneOut(validationItems, validation, false);
const collectMs = Math.round(performance.now() - t0);

const candidateRecall = (set: ReadonlyArray<Example>): number => set.filter((e) => e.gold.length && e.positives.length).length / (set.filter((e) => e.gold.length).length || 1);
console.log(`collected in ${collectMs} ms: train ${train.length} (+${trainNegatives.length} leave-one-out), validation ${validation.length} (+${validationNegatives.length})`);
console.log(`candidates hold a gold passage: train ${candidateRecall(train).toFixed(3)}, validation ${candidateRecall(validation).toFixed(3)}`);

// 1. The ranker: L2 chosen by how often the first passage touches a gold quote on validation (then MRR).
const groups = train.filter((e) => e.gold.length > 0).map((e) => ({ rows: e.ranked.map((r) => r.features), positives: e.positives }));
let best: { l2: number; model: LinearModel; score: number; mrr: number } | undefined;
console.log('\n| ranker l2 | train first | validation first | validation MRR | validation R@5 |\n|---|---|---|---|---|');
for (const l2 of L2_GRID) {
  const model = new LinearModel(fitRanker(groups, FEATURES, { l2 }), FEATURES);
  const v = rankingFigures(validation, model);
  const t = rankingFigures(train, model);
  console.log(`| ${l2} | ${t.firstTouches.toFixed(3)} | ${v.firstTouches.toFixed(3)} | ${v.mrr.toFixed(3)} | ${(v.recallAt[5] ?? 0).toFixed(3)} |`);
  if (!best || v.firstTouches > best.score || (v.firstTouches === best.score && v.mrr > best.mrr)) best = { l2, model, score: v.firstTouches, mrr: v.mrr };
}
if (!best) throw new Error('no training data');
const ranker = best.model;
const trainFigures = rankingFigures(train, ranker, [1, ...PROMPT_KS]);
const validationFigures = rankingFigures(validation, ranker, [1, 5, ...PROMPT_KS]);
console.log(`\nranker: l2 ${best.l2}; validation recall@k ${PROMPT_KS.map((k) => `@${k} ${(validationFigures.recallAt[k] ?? 0).toFixed(3)}`).join(', ')}`);
// The fewest passages whose recall is within a point of the most tried: more only lengthens the prompt.
const mostRecall = Math.max(...PROMPT_KS.map((k) => validationFigures.recallAt[k] ?? 0));
const promptPassages = PROMPT_KS.find((k) => (validationFigures.recallAt[k] ?? 0) >= mostRecall - 0.01) ?? 8;

// 2. The answer check, on the ranker's output: answerable questions against unanswerable ones and
// leave-one-document-out negatives, the classes weighted equally. Questions a constraint vetoes are
// refused whatever the model says, so the model learns from the others. Each is checked against the
// index it was asked of (a leave-one-out negative against the index without its document).
const checksOf = (set: ReadonlyArray<Example>) => set.map((e) => ({ check: checkAnswer(e.question, rescore(e, ranker), e.recall, e.facts), label: (e.gold.length > 0 ? 1 : 0) as 0 | 1 }));
const trainChecks = checksOf([...train, ...trainNegatives]).filter((c) => !c.check.vetoed);
const trainRows = trainChecks.map((c) => c.check.features);
const trainLabels = trainChecks.map((c) => c.label);
const positives = trainLabels.filter((y) => y === 1).length;
const weights = trainLabels.map((y) => (y === 1 ? 0.5 / positives : 0.5 / (trainLabels.length - positives)));
const validationChecks = checksOf([...validation, ...validationNegatives]);

interface Operating {
  threshold: number;
  falseRefusal: number;
  refused: number;
}
/** Per threshold on validation: answerable questions refused, and unanswerable ones refused (vetoes included). */
function curve(model: LinearModel): Operating[] {
  const probs = validationChecks.map((c) => (c.check.vetoed ? -1 : model.probability(c.check.features)));
  const thresholds = [...new Set(probs.filter((p) => p >= 0).map((p) => Number(p.toFixed(3))))].sort((a, b) => a - b);
  const answerable = validationChecks.filter((c) => c.label === 1).length || 1;
  const unanswerable = validationChecks.filter((c) => c.label === 0).length || 1;
  return thresholds.map((threshold) => ({
    threshold,
    falseRefusal: probs.filter((p, i) => validationChecks[i]?.label === 1 && p < threshold).length / answerable,
    refused: probs.filter((p, i) => validationChecks[i]?.label === 0 && p < threshold).length / unanswerable,
  }));
}
const vetoed = (label: 0 | 1): string => `${validationChecks.filter((c) => c.label === label && c.check.vetoed).length}/${validationChecks.filter((c) => c.label === label).length}`;
console.log(`\nvetoed on validation: unanswerable ${vetoed(0)}, answerable ${vetoed(1)}`);
let bestCheck: { l2: number; model: LinearModel; point: Operating } | undefined;
console.log('\n| check l2 | refused at ≤5% false refusals | threshold |\n|---|---|---|');
for (const l2 of L2_GRID) {
  const model = new LinearModel(fitClassifier(trainRows, trainLabels, ANSWER_FEATURES, { l2 }, weights), ANSWER_FEATURES);
  // Within the false-refusal budget, the threshold that refuses most; if even the vetoes exceed it, the one refusing fewest answerable questions.
  const points = curve(model);
  const point = points.filter((o) => o.falseRefusal <= FALSE_REFUSAL_BUDGET).sort((a, b) => b.refused - a.refused || b.threshold - a.threshold)[0] ?? points.sort((a, b) => a.falseRefusal - b.falseRefusal || b.refused - a.refused)[0];
  if (!point) continue;
  console.log(`| ${l2} | ${point.refused.toFixed(3)} | ${point.threshold} |`);
  if (!bestCheck || point.refused > bestCheck.point.refused) bestCheck = { l2, model, point };
}
if (!bestCheck) throw new Error('the answer check has no validation data');
const trade = curve(bestCheck.model);
console.log(`\nanswer check: l2 ${bestCheck.l2}, threshold ${bestCheck.point.threshold}: validation refuses ${bestCheck.point.refused.toFixed(3)} of unanswerable (leave-one-out included), ${bestCheck.point.falseRefusal.toFixed(3)} of answerable`);
console.log('\n| threshold | false refusals | unanswerable refused |\n|---|---|---|');
for (const o of trade.filter((_, i) => i % Math.max(1, Math.floor(trade.length / 15)) === 0)) console.log(`| ${o.threshold.toFixed(3)} | ${o.falseRefusal.toFixed(3)} | ${o.refused.toFixed(3)} |`);

// 3. The help-seeking detector, on its own development set.
const helpExamples = (await readFile(values.help ?? '', 'utf8')).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as HelpExample);
const help = trainHelp(helpExamples);
console.log(`\nhelp detector: threshold ${help.threshold.toFixed(3)}; cross-validated on ${helpExamples.length}: ${help.recall.toFixed(3)} of help-seeking caught, ${help.falsePositives.toFixed(3)} of others flagged`);

const file: ModelsFile = {
  formatVersion: MODELS_FORMAT_VERSION,
  ranker: ranker.data,
  answerability: bestCheck.model.data,
  threshold: bestCheck.point.threshold,
  promptPassages,
  memory: trainItems.flatMap((item, i) => {
    const r = remembered[i];
    if (!r) return [];
    const quotes = goldQuotes(item);
    return [{ text: searchText(questionOf(item, full)), terms: [...r.terms], gold: r.gold.map((g, k) => ({ docId: g.docId, quote: quotes[k] ?? '' })) }];
  }),
  associations: Object.fromEntries([...fullMemory.associations].map(([q, row]) => [q, [...row]])),
  help: { model: help.model, threshold: Number(help.threshold.toFixed(4)) },
  training: {
    sets: { train: values.train, validation: values.validation },
    examples: { train: train.length, trainLeaveOneOut: trainNegatives.length, validation: validation.length, validationLeaveOneOut: validationNegatives.length },
    rankerL2: best.l2,
    checkL2: bestCheck.l2,
    validation: {
      firstPassageTouchesGold: Number(validationFigures.firstTouches.toFixed(3)),
      mrr: Number(validationFigures.mrr.toFixed(3)),
      recallAt: validationFigures.recallAt,
      unanswerableRefused: Number(bestCheck.point.refused.toFixed(3)),
      falseRefusals: Number(bestCheck.point.falseRefusal.toFixed(3)),
    },
    trainFirstPassageTouchesGold: Number(trainFigures.firstTouches.toFixed(3)),
    help: { examples: helpExamples.length, crossValidatedRecall: Number(help.recall.toFixed(3)), crossValidatedFalsePositives: Number(help.falsePositives.toFixed(3)) },
  },
};
await writeFile(values.out ?? 'src/rank/weights.json', `${JSON.stringify(file)}\n`);
console.log(`\nwrote ${values.out}`);
