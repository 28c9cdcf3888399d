/** @module The LLM answerer: condenses follow-ups, streams a cited answer from ChatOpenAI, validates every marker, falls back offline. */
import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Answerer } from './answerer.ts';
import { citationsAreExact, makeCitation } from './citations.ts';
import { gatherEvidence, type Evidence } from './evidence-gatherer.ts';
import type { ExtractiveAnswerer, ExtractiveDeps } from './extractive-answerer.ts';
import { composeRefusal } from './extractive.ts';
import { isFollowUp, rewriteFollowUp } from './followup.ts';
import { MarkerStream } from './marker-stream.ts';
import { narrowToClaims } from './narrow.ts';
import { ANSWER_SYSTEM_PROMPT, CONDENSE_SYSTEM_PROMPT, NOT_IN_DOCUMENTS, answerUserPrompt, condenseUserPrompt, type PromptPassage } from './prompt.ts';
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

/** No answer within the per-attempt time limit. */
class ModelTimeout extends Error {}

/** The model's refusal, however it quotes or capitalises it. */
const REFUSAL = /^\W*the documents do not answer this question/i;

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
    const evidence = await gatherEvidence(this.deps.retriever, this.deps.scorer, question, searchedFor, request.docIds);
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
      markers = await this.withRetries(request.signal, async (signal) => {
        // A fresh marker stream per attempt: a failed attempt must not leave a held-back `[` or numbering behind.
        const attemptMarkers = new MarkerStream(valid);
        const before = shown.length;
        try {
          await this.streamText(messages, signal, (piece) => {
            const safe = attemptMarkers.push(piece);
            if (!safe) return;
            shown += safe;
            request.onDelta?.(safe);
          });
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

    // Dropped markers leave "claim ." behind; the final answer closes that gap.
    const answer = shown.replace(/[ \t]+([.,;:])/g, '$1').trim();
    if (REFUSAL.test(answer)) return ungrounded();
    const citations = this.citationsFor(answer, markers, evidence.chunkIndexes);
    if (!citations.length) {
      // Uncited claims are not grounded in the documents: withdraw the streamed text rather than leave it standing.
      this.logger.info('llm: the answer cited no given passage; reporting it as not answered', { chars: answer.length });
      request.onReset?.();
      request.onDelta?.(NOT_IN_DOCUMENTS);
      return ungrounded();
    }
    return { answer, citations, grounded: true, related: [], answerer: this.name, searchedFor, timings: timings() };
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
      const text = await this.withRetries(request.signal, (signal) =>
        this.streamText([new SystemMessage(CONDENSE_SYSTEM_PROMPT), new HumanMessage(condenseUserPrompt(request.messages))], signal, () => undefined),
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

  private async streamText(messages: BaseMessage[], signal: AbortSignal, onPiece: (piece: string) => void): Promise<string> {
    let text = '';
    const stream = await this.model.stream(messages, { signal });
    for await (const chunk of stream) {
      const piece = typeof chunk.content === 'string' ? chunk.content : chunk.content.map((p) => ('text' in p ? String(p.text) : '')).join('');
      if (!piece) continue;
      text += piece;
      onPiece(piece);
    }
    if (!text.trim()) throw new ModelFailure('the model returned an empty answer', false);
    return text;
  }

  /**
   * Runs `attempt` with a per-attempt timeout, retrying transient failures (timeouts, network errors,
   * 408/409/429/5xx) with exponential backoff. Partial failures and client errors are not retried.
   */
  private async withRetries<T>(outer: AbortSignal | undefined, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (let i = 0; i <= this.config.retries; i++) {
      const timeout = AbortSignal.timeout(this.config.timeoutMs);
      const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
      try {
        return await attempt(signal);
      } catch (error) {
        lastError = timeout.aborted && !(error instanceof ModelFailure) ? new ModelTimeout(`no answer within ${this.config.timeoutMs} ms`, { cause: error }) : error;
        if (outer?.aborted || !retryable(lastError)) break;
        if (i < this.config.retries) await sleep(backoffMs(i), outer);
      }
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

function ms(x: number): number {
  return Math.round(x * 10) / 10;
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
