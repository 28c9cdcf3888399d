/** @module The default Answerer: no model, no network; quotes and cites the sentences that answer. */
import type { Retriever } from '../retrieve/retriever.ts';
import type { Answerer } from './answerer.ts';
import { roundMs as ms, streamPieces } from './answerer.ts';
import { citationsAreExact, type CorpusView } from './citations.ts';
import type { EvidenceScorer } from './evidence.ts';
import { gatherEvidence } from './evidence-gatherer.ts';
import { answerExtractively, defaultExtractiveOptions, type ExtractiveOptions } from './extractive.ts';
import { rewriteFollowUp } from './followup.ts';
import type { AnswerRequest, AnswerResult } from './types.ts';

export interface ExtractiveDeps {
  retriever: Retriever;
  scorer: EvidenceScorer;
  view: CorpusView;
}

export class ExtractiveAnswerer implements Answerer {
  readonly name = 'extractive';
  constructor(
    private readonly deps: ExtractiveDeps,
    private readonly options: ExtractiveOptions = defaultExtractiveOptions,
  ) {}

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    const t0 = performance.now();
    const question = request.messages[request.messages.length - 1]?.content.trim() ?? '';
    const searchedFor = rewriteFollowUp(request.messages);
    const t1 = performance.now();
    const evidence = await gatherEvidence(this.deps.retriever, this.deps.scorer, question, searchedFor, request.docIds);
    const t2 = performance.now();
    const composition = answerExtractively(this.deps.view, evidence, this.deps.scorer, this.options);
    if (!citationsAreExact(this.deps.view, [...composition.citations, ...composition.related])) {
      throw new Error('a citation failed the exact-slice check');
    }
    for (const piece of streamPieces(composition.answer)) {
      if (request.signal?.aborted) break;
      request.onDelta?.(piece);
    }
    const t3 = performance.now();
    return {
      ...composition,
      answerer: this.name,
      searchedFor,
      timings: { rewrite: ms(t1 - t0), retrieve: ms(t2 - t1), answer: ms(t3 - t2), total: ms(t3 - t0) },
    };
  }
}
