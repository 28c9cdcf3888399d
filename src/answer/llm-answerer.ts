/** @module The LLM answerer: condenses follow-ups, streams a cited answer from ChatOpenAI, validates every marker, falls back offline. */
import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { roundMs as ms, streamPieces, type Answerer } from './answerer.ts';
import { citationsAreExact, makeCitation } from './citations.ts';
import { gatherEvidence, type Evidence } from './evidence-gatherer.ts';
import type { ExtractiveAnswerer, ExtractiveDeps } from './extractive-answerer.ts';
import { composeRefusal } from './extractive.ts';
import { isFollowUp, rewriteFollowUp } from './followup.ts';
import { MarkerStream } from './marker-stream.ts';
import { narrowToClaims } from './narrow.ts';
import { ANSWER_SYSTEM_PROMPT, CONDENSE_SYSTEM_PROMPT, NOT_IN_DOCUMENTS, answerUserPrompt, condenseUserPrompt, type PromptPassage } from './prompt.ts';
import { NUMBER_PATTERN } from './question.ts';
import type { AnswerRequest, AnswerResult, Citation } from './types.ts';

type LlmConfig = Extract<Config['answerer'], { provider: 'openai' }>;

/** The model answered nothing usable, or failed after showing text (`partial`: not to be retried). */
class ModelFailure extends Error {
  constructor(
    message: string,
    readonly partial: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The model sent nothing (not even a chunk of its stream) for the idle time limit. */
class ModelTimeout extends Error {}

/**
 * Aborts when `touch` has not been called for `ms`: an idle limit, not a total one, so a long answer
 * that keeps streaming is never cut off, while a stalled one (or one that never starts) is.
 */
class IdleTimeout {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly signal = this.controller.signal;

  constructor(private readonly ms: number) {
    this.touch();
  }

  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(new ModelTimeout(`nothing from the model for ${this.ms} ms`)), this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/** The model's refusal, however it quotes or capitalises it. */
const REFUSAL = /^\W*the documents do not answer this question/i;

/**
 * Chunks given to the model as numbered passages: fewer than the offline answerer searches, since the
 * model reads each whole and a long prompt costs time and money on every question.
 */
export const PROMPT_CHUNKS = 8;

/** Backoff before retry i (0-based): 250 ms, 500 ms, 1 s … capped at 4 s. */
export function backoffMs(retry: number): number {
  return Math.min(4000, 250 * 2 ** retry);
}

export class LlmAnswerer implements Answerer {
  readonly name: string;
  private readonly model: ChatOpenAI;

  constructor(
    private readonly config: LlmConfig,
    private readonly deps: ExtractiveDeps,
    private readonly fallback: ExtractiveAnswerer,
    private readonly logger: Logger,
  ) {
    this.name = `openai:${config.model}`;
    this.model = new ChatOpenAI({
      model: config.model,
      apiKey: config.apiKey ?? 'not-needed',
      temperature: 0,
      // Retries are ours (withRetries): the client's own would retry after text reached the reader.
      maxRetries: 0,
      streamUsage: false,
      ...(config.baseURL ? { configuration: { baseURL: config.baseURL } } : {}),
    });
  }

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    const t0 = performance.now();
    const question = request.messages[request.messages.length - 1]?.content.trim() ?? '';
    const condensed = await this.condense(request, question);
    // The condense call already used every retry: asking again for the answer would only double the wait.
    if (condensed.failure) return this.fallBack(request, condensed.failure, t0, false);
    const searchedFor = condensed.text;
    const t1 = performance.now();
    const evidence = await gatherEvidence(this.deps.retriever, this.deps.scorer, question, searchedFor, request.docIds, { chunks: PROMPT_CHUNKS });
    const t2 = performance.now();
    const passages: PromptPassage[] = evidence.chunkIndexes.map((ci, i) => {
      const chunk = this.deps.retriever.index.chunks[ci];
      const doc = chunk && this.deps.view.doc(chunk.docId);
      return { n: i + 1, label: `${doc?.shortTitle ?? chunk?.docId} › ${chunk?.sectionPath.join(' › ')}`, text: doc && chunk ? doc.text.slice(chunk.start, chunk.end) : '' };
    });
    const timings = (): AnswerResult['timings'] => {
      const t3 = performance.now();
      return { rewrite: ms(t1 - t0), retrieve: ms(t2 - t1), answer: ms(t3 - t2), total: ms(t3 - t0) };
    };
    const ungrounded = (): AnswerResult => ({
      answer: NOT_IN_DOCUMENTS,
      citations: [],
      grounded: false,
      related: this.related(evidence),
      answerer: this.name,
      searchedFor,
      timings: timings(),
    });
    // Nothing retrieved (e.g. a docIds filter with no match): there is nothing for the model to ground on.
    if (!passages.length) {
      request.onDelta?.(NOT_IN_DOCUMENTS);
      return ungrounded();
    }

    const messages: BaseMessage[] = [new SystemMessage(ANSWER_SYSTEM_PROMPT), new HumanMessage(answerUserPrompt(question, passages, searchedFor))];
    const valid = new Set(passages.map((p) => p.n));
    let shown = '';
    let markers: MarkerStream;
    try {
      markers = await this.withRetries(request.signal, async (signal, alive) => {
        // A fresh marker stream per attempt: a failed attempt must not leave a held-back `[` or numbering behind.
        const attemptMarkers = new MarkerStream(valid);
        const before = shown.length;
        try {
          await this.streamText(
            messages,
            signal,
            (piece) => {
              const safe = attemptMarkers.push(piece);
              if (!safe) return;
              shown += safe;
              request.onDelta?.(safe);
            },
            alive,
          );
        } catch (error) {
          // Text reached the reader: a retry would show the answer twice, so this failure ends the attempts.
          if (shown.length > before) throw new ModelFailure(describe(error), true, { cause: error });
          throw error;
        }
        return attemptMarkers;
      });
    } catch (error) {
      if (request.signal?.aborted) throw error;
      return this.fallBack(request, error, t0, shown.length > 0);
    }
    const tail = markers.flush();
    if (tail) {
      shown += tail;
      request.onDelta?.(tail);
    }

    const streamed = tidy(shown);
    if (REFUSAL.test(streamed)) return ungrounded();
    const all = this.citationsFor(streamed, markers, evidence.chunkIndexes);
    // On the text as shown: the dropped markers' offsets point into it.
    const { text: kept, removed } = withoutUncitedClaims(shown, new Set(all.map((c) => c.n)), markers.dropped);
    const answer = tidy(kept);
    // Narrowed again on the text the reader keeps (the same spans: only claims without a marker went).
    const citations = removed && all.length ? this.citationsFor(answer, markers, evidence.chunkIndexes) : all;
    if (!citations.length) {
      // Uncited claims are not grounded in the documents: withdraw the streamed text rather than leave it standing.
      this.logger.info('llm: the answer cited no given passage; reporting it as not answered', { chars: streamed.length });
      request.onReset?.();
      request.onDelta?.(NOT_IN_DOCUMENTS);
      return ungrounded();
    }
    const result: AnswerResult = { answer, citations, grounded: true, related: [], answerer: this.name, searchedFor, timings: timings() };
    if (!removed) return result;
    // The reader already saw the uncited sentences: withdraw the streamed text and send the kept claims again.
    this.logger.info('llm: left out sentences that cited no given passage', { removed });
    request.onReset?.();
    for (const piece of streamPieces(answer)) request.onDelta?.(piece);
    const sentences = removed === 1 ? '1 sentence' : `${removed} sentences`;
    return { ...result, notice: `${sentences} of the model's answer without a citation ${removed === 1 ? 'was' : 'were'} left out.` };
  }

  /** The offline answerer stands in; `shown`: model text already reached the reader and is withdrawn first. */
  private async fallBack(request: AnswerRequest, error: unknown, t0: number, shown: boolean): Promise<AnswerResult> {
    const reason = describe(error);
    this.logger.warn('llm: falling back to the extractive answerer', { reason, partial: shown });
    if (shown) request.onReset?.();
    const result = await this.fallback.answer(request);
    // The reason is logged, not shown: provider messages can carry account details.
    return {
      ...result,
      notice: `The language model ${noticeReason(error)}, so this answer comes from the offline answerer (verbatim quotes from the documents).`,
      timings: { ...result.timings, total: ms(performance.now() - t0) },
    };
  }

  /**
   * Follow-ups go through the model's condense step. If the model gives nothing usable, the
   * deterministic rewrite stands in; if the model is unreachable, `failure` says so.
   */
  private async condense(request: AnswerRequest, question: string): Promise<{ text: string; failure?: unknown }> {
    const hasHistory = request.messages.slice(0, -1).some((m) => m.role === 'user');
    if (!hasHistory || !isFollowUp(question)) return { text: question };
    try {
      const text = await this.withRetries(request.signal, (signal, alive) =>
        this.streamText([new SystemMessage(CONDENSE_SYSTEM_PROMPT), new HumanMessage(condenseUserPrompt(request.messages))], signal, () => undefined, alive),
      );
      const line = text.trim().split('\n')[0]?.trim() ?? '';
      const condensed = line.replace(/^(?:rewritten question|question)\s*:\s*/i, '').replace(/^["“']+|["”']+$/g, '').trim();
      return { text: condensed.length > 3 && condensed.length <= 2000 ? condensed : rewriteFollowUp(request.messages) };
    } catch (error) {
      if (request.signal?.aborted) throw error;
      // An empty reply is the model's own shortcoming, not a sign that it is down.
      if (retryable(error) && !(error instanceof ModelFailure)) return { text: rewriteFollowUp(request.messages), failure: error };
      this.logger.warn('llm: condense step failed; using the deterministic rewrite', { reason: describe(error) });
      return { text: rewriteFollowUp(request.messages) };
    }
  }

  /** `alive` is called on every chunk the model sends, text or not: the model is still there. */
  private async streamText(messages: BaseMessage[], signal: AbortSignal, onPiece: (piece: string) => void, alive: () => void): Promise<string> {
    let text = '';
    const stream = await this.model.stream(messages, { signal });
    for await (const chunk of stream) {
      alive();
      const piece = typeof chunk.content === 'string' ? chunk.content : chunk.content.map((p) => ('text' in p ? String(p.text) : '')).join('');
      if (!piece) continue;
      text += piece;
      onPiece(piece);
    }
    if (!text.trim()) throw new ModelFailure('the model returned an empty answer', false);
    return text;
  }

  /**
   * Runs `attempt` with an idle timeout (`timeoutMs` without a chunk from the model, the wait for the
   * first one included; `alive` restarts it), retrying transient failures (timeouts, network errors,
   * 408/409/429/5xx) with exponential backoff. Partial failures and client errors are not retried.
   */
  private async withRetries<T>(outer: AbortSignal | undefined, attempt: (signal: AbortSignal, alive: () => void) => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (let i = 0; i <= this.config.retries; i++) {
      const idle = new IdleTimeout(this.config.timeoutMs);
      const signal = outer ? AbortSignal.any([outer, idle.signal]) : idle.signal;
      try {
        return await attempt(signal, () => idle.touch());
      } catch (error) {
        lastError = idle.signal.aborted && !(error instanceof ModelFailure) ? new ModelTimeout(`nothing from the model for ${this.config.timeoutMs} ms`, { cause: error }) : error;
      } finally {
        idle.stop();
      }
      if (outer?.aborted || !retryable(lastError)) break;
      if (i < this.config.retries) await sleep(backoffMs(i), outer);
    }
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  }

  /** One citation per cited passage, narrowed to the sentences that carry the claims citing it. */
  private citationsFor(answer: string, markers: MarkerStream, chunkIndexes: number[]): Citation[] {
    const citations: Citation[] = [];
    for (const [passage, n] of markers.used) {
      const chunk = this.deps.retriever.index.chunks[chunkIndexes[passage - 1] ?? -1];
      if (!chunk) continue;
      const span = narrowToClaims(answer, n, chunk, this.deps.retriever.index.sentences);
      const citation = makeCitation(this.deps.view, n, chunk.docId, span.start, span.end);
      if (citation) citations.push(citation);
    }
    return citationsAreExact(this.deps.view, citations) ? citations.sort((a, b) => a.n - b.n) : [];
  }

  /** For an ungrounded answer, the nearest passages as related reading, chosen as the offline answerer chooses them. */
  private related(evidence: Evidence): Citation[] {
    const { related } = composeRefusal(this.deps.view, evidence, 'the model found no answer in the passages');
    return citationsAreExact(this.deps.view, related) ? related : [];
  }
}

/** Dropped markers leave "claim ." behind; the final answer closes that gap. */
function tidy(text: string): string {
  return text.replace(/[ \t]+([.,;:])/g, '$1').trim();
}

/** One claim of an answer: a sentence or a list item, with its markers; `sep` is the white space after it. */
interface Claim {
  body: string;
  sep: string;
  /** Offset of `body` in the answer. */
  from: number;
}

/**
 * Where a claim ends: a sentence end (with markers placed after the full stop, which cite that sentence)
 * before a capital, quote or bullet, so "no. 7" and "cf. section 202" stay whole; or a line break.
 * Each quantifier is bounded by a character the next cannot match, so this stays linear.
 */
const CLAIM_END = /[.!?]["”’)]*(?:[ \t]*\[\d+\])*([ \t]+)(?=[\p{Lu}"“‘'(*•–-])|(\n\s*)/gu;

export function splitClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  let from = 0;
  for (const m of text.matchAll(CLAIM_END)) {
    const sep = m[1] ?? m[2] ?? '';
    const end = m.index + m[0].length;
    // Spaces before a line break are the body's: matching them in CLAIM_END would backtrack on long runs.
    claims.push({ body: text.slice(from, end - sep.length).trimEnd(), sep, from });
    from = end;
  }
  if (from < text.length) claims.push({ body: text.slice(from), sep: '', from });
  return claims;
}


/** Words below which a claim without a figure is taken for a connective ("In short, yes."), not a fact. */
const CONNECTIVE_WORDS = 6;

/** An intro ("The documents say:"), heading or short connective that states nothing to cite. */
function isConnective(body: string): boolean {
  // A marker, even to a passage not given, shows the model meant a fact.
  if (/\[\d+\]/.test(body)) return false;
  const plain = body.trim();
  if (!plain || plain.endsWith(':')) return true;
  const words = plain.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  // A figure makes a claim a fact even when it is short: "Victims get six months."
  return words.length < CONNECTIVE_WORDS && !NUMBER_PATTERN.test(plain);
}

/**
 * The answer without its claims that carry no marker in `cited` (the model cited nothing, or only passages
 * it was not given). `dropped`: offsets in `answer` where a marker to a passage not given was removed; the
 * claim it sat on is a fact, however short. A removed claim's line breaks are kept, so paragraphs and
 * lists keep their shape.
 */
export function withoutUncitedClaims(answer: string, cited: ReadonlySet<number>, dropped: ReadonlyArray<number> = []): { text: string; removed: number } {
  let text = '';
  let sep = '';
  let removed = 0;
  const claims = splitClaims(answer);
  // Offsets ascend, as claims do: one pass over both.
  let d = 0;
  for (const [i, claim] of claims.entries()) {
    const hasCitation = [...claim.body.matchAll(/\[(\d+)\]/g)].some((m) => cited.has(Number(m[1])));
    // A claim owns the offsets from its start to the next claim's (a marker after its full stop is its own).
    const next = claims[i + 1]?.from ?? Infinity;
    let lostMarker = false;
    for (; d < dropped.length && (dropped[d] ?? Infinity) < next; d++) lostMarker = true;
    if (hasCitation || (!lostMarker && isConnective(claim.body))) {
      text += (text ? sep : '') + claim.body;
      sep = claim.sep;
    } else {
      removed++;
      if (newlines(claim.sep) > newlines(sep)) sep = claim.sep;
    }
  }
  return { text: text.trim(), removed };
}

function newlines(s: string): number {
  return s.split('\n').length - 1;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

/** Whether another attempt may succeed: timeouts, dropped connections, rate limits and server errors. */
function retryable(error: unknown): boolean {
  if (error instanceof ModelFailure) return !error.partial;
  const status = statusOf(error);
  return status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
}

/** What went wrong, in words for the reader. */
function noticeReason(error: unknown): string {
  const status = statusOf(error);
  if (error instanceof ModelTimeout) return 'did not answer in time';
  if (error instanceof ModelFailure) return error.partial ? 'broke off mid-answer' : 'gave an empty answer';
  if (status === 429) return 'was rate-limited';
  if (status === 401 || status === 403) return 'refused our credentials';
  if (status !== undefined && status >= 500) return `had a server error (${status})`;
  return 'was unavailable';
}

function sleep(msDelay: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, msDelay);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
