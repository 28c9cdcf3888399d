/** @module The default Answerer: no model, no network; quotes and cites the passages that answer, or says why it cannot. */
import { roundMs as ms, streamPieces, type Answerer } from '../answerer.ts';
import { citationsAreExact } from '../citations.ts';
import { gatherEvidence, type AnsweringDeps, type Evidence } from '../evidence.ts';
import type { AnswerRequest, AnswerResult, Citation } from '../types.ts';
import { compose, composeHelp } from './compose.ts';
import { PHRASES } from './phrases.ts';
import { refusalReason, refuse } from './refusal.ts';
import { defaultSelectOptions, selectPassages, type SelectOptions } from './select.ts';

export interface Composition {
  answer: string;
  citations: Citation[];
  grounded: boolean;
  related: Citation[];
  /** For a help-seeking question: the help contacts, also the first citations. */
  help?: Citation[];
}

/** The offline answer to gathered evidence: quotes when the check passes, else a refusal that says why. */
export function answerFromEvidence(deps: AnsweringDeps, evidence: Evidence, options: SelectOptions = defaultSelectOptions): Composition {
  const view = deps.context.view;
  const phrases = PHRASES[evidence.language];
  if (evidence.helpSeeking) {
    // Who can help comes first, whatever else the documents say about the asker's situation.
    const help = composeHelp(view, deps.help.contacts, evidence.language);
    const rest = evidence.decision.answerable
      ? compose(view, selectPassages(evidence.question, evidence.ranked, deps.context.facts, options), evidence.language, help.citations.length + 1)
      : { answer: '', citations: [] };
    const situation = rest.citations.length ? `${phrases.situation}\n\n${rest.answer}` : phrases.nothingMore;
    return { answer: `${help.answer}\n\n${situation}`, citations: [...help.citations, ...rest.citations], grounded: true, related: [], help: help.citations };
  }
  if (!evidence.decision.answerable) return refuse(view, evidence, refusalReason(evidence, deps.context.translator));
  const { answer, citations } = compose(view, selectPassages(evidence.question, evidence.ranked, deps.context.facts, options), evidence.language);
  if (!citations.length) return refuse(view, evidence, phrases.noQuote);
  return { answer, citations, grounded: true, related: [] };
}

export class ExtractiveAnswerer implements Answerer {
  readonly name = 'extractive';

  constructor(
    private readonly deps: AnsweringDeps,
    private readonly options: SelectOptions = defaultSelectOptions,
  ) {}

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    const t0 = performance.now();
    const evidence = await gatherEvidence(this.deps, request.messages, { ...(request.docIds ? { docIds: request.docIds } : {}), ...(request.signal ? { signal: request.signal } : {}) });
    const t1 = performance.now();
    const composition = answerFromEvidence(this.deps, evidence, this.options);
    if (!citationsAreExact(this.deps.context.view, [...composition.citations, ...composition.related])) {
      throw new Error('a citation failed the exact-slice check');
    }
    if (composition.help) request.onHelp?.(composition.help);
    for (const piece of streamPieces(composition.answer)) {
      if (request.signal?.aborted) break;
      request.onDelta?.(piece);
    }
    const t2 = performance.now();
    return {
      ...composition,
      answerer: this.name,
      searchedFor: evidence.searchedFor,
      timings: { rewrite: 0, retrieve: ms(t1 - t0), answer: ms(t2 - t1), total: ms(t2 - t0) },
    };
  }
}
