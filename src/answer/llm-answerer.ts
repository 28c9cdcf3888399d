/** @module The LLM answerer: condenses follow-ups, streams a cited answer from ChatOpenAI, validates every marker, falls back offline. */
import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Answerer } from './answerer.ts';
import { citationsAreExact, makeCitation } from './citations.ts';
import { gatherEvidence } from './evidence-gatherer.ts';
import type { ExtractiveAnswerer, ExtractiveDeps } from './extractive-answerer.ts';
import { isFollowUp, rewriteFollowUp } from './followup.ts';
import { MarkerStream } from './marker-stream.ts';
import { narrowToClaims } from './narrow.ts';
import { ANSWER_SYSTEM_PROMPT, CONDENSE_SYSTEM_PROMPT, NOT_IN_DOCUMENTS, answerUserPrompt, condenseUserPrompt, type PromptPassage } from './prompt.ts';
import type { AnswerRequest, AnswerResult, Citation } from './types.ts';

type LlmConfig = Extract<Config['answerer'], { provider: 'openai' }>;

/** The model answered nothing usable, or failed after retries. */
class ModelFailure extends Error {
  constructor(message: string, readonly partial: boolean) {
    super(message);
  }
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
      maxRetries: 0,
      streamUsage: false,
      ...(config.baseURL ? { configuration: { baseURL: config.baseURL } } : {}),
    });
  }

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    const t0 = performance.now();
    const question = request.messages[request.messages.length - 1]?.content.trim() ?? '';
    const searchedFor = await this.condense(request, question);
    const t1 = performance.now();
    const evidence = await gatherEvidence(this.deps.retriever, this.deps.scorer, question, searchedFor, request.docIds);
    const t2 = performance.now();
    const passages: PromptPassage[] = evidence.chunkIndexes.map((ci, i) => {
      const chunk = this.deps.retriever.index.chunks[ci];
      const doc = chunk && this.deps.view.doc(chunk.docId);
      return { n: i + 1, label: `${doc?.shortTitle ?? chunk?.docId} › ${chunk?.sectionPath.join(' › ')}`, text: doc && chunk ? doc.text.slice(chunk.start, chunk.end) : '' };
    });
    const messages: BaseMessage[] = [new SystemMessage(ANSWER_SYSTEM_PROMPT), new HumanMessage(answerUserPrompt(question, passages))];
    let emitted = false;
    try {
      const markers = new MarkerStream(new Set(passages.map((p) => p.n)));
      const raw = await this.withRetries(request.signal, (signal) =>
        this.streamText(messages, signal, (piece) => {
          const shown = markers.push(piece);
          if (shown) {
            emitted = true;
            request.onDelta?.(shown);
          }
        }),
      );
      const tail = markers.flush();
      if (tail) request.onDelta?.(tail);
      const answer = rewriteMarkers(raw, markers);
      const citations = this.citationsFor(answer, markers, evidence.chunkIndexes);
      const refused = answer.trim().startsWith(NOT_IN_DOCUMENTS.slice(0, 30)) || citations.length === 0;
      const t3 = performance.now();
      return {
        answer: refused && citations.length === 0 && !answer.includes(NOT_IN_DOCUMENTS) ? `${NOT_IN_DOCUMENTS} ${answer}`.trim() : answer,
        citations: refused ? [] : citations,
        grounded: !refused,
        related: [],
        answerer: this.name,
        searchedFor,
        timings: { rewrite: ms(t1 - t0), retrieve: ms(t2 - t1), answer: ms(t3 - t2), total: ms(t3 - t0) },
      };
    } catch (error) {
      if (request.signal?.aborted) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn('llm: falling back to the extractive answerer', { reason, partial: emitted });
      const result = await this.fallback.answer({ ...request, ...(request.onDelta ? { onDelta: request.onDelta } : {}) });
      return { ...result, notice: `The language model was unavailable (${reason}); this answer comes from the offline answerer.` };
    }
  }

  /** Follow-ups go through the model's condense step; if it fails, the deterministic rewrite stands in. */
  private async condense(request: AnswerRequest, question: string): Promise<string> {
    const hasHistory = request.messages.slice(0, -1).some((m) => m.role === 'user');
    if (!hasHistory || !isFollowUp(question)) return question;
    try {
      const text = await this.withRetries(request.signal, (signal) =>
        this.streamText([new SystemMessage(CONDENSE_SYSTEM_PROMPT), new HumanMessage(condenseUserPrompt(request.messages))], signal, () => undefined),
      );
      const condensed = text.trim().split('\n')[0]?.trim() ?? '';
      return condensed.length > 3 && condensed.length <= 2000 ? condensed : rewriteFollowUp(request.messages);
    } catch {
      return rewriteFollowUp(request.messages);
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
   * Runs `attempt` with a per-attempt timeout and exponential backoff. Once text has reached the client,
   * a failure is not retried (the client would see it twice); the caller falls back instead.
   */
  private async withRetries<T>(outer: AbortSignal | undefined, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (let i = 0; i <= this.config.retries; i++) {
      const timeout = AbortSignal.timeout(this.config.timeoutMs);
      const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
      try {
        return await attempt(signal);
      } catch (error) {
        lastError = timeout.aborted ? new Error(`no answer within ${this.config.timeoutMs} ms`) : error;
        if (outer?.aborted || (error instanceof ModelFailure && error.partial)) break;
        if (i < this.config.retries) await sleep(Math.min(4000, 250 * 2 ** i), outer);
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
}

/** The full answer with markers renumbered the same way the stream showed them. */
function rewriteMarkers(raw: string, used: MarkerStream): string {
  const again = new MarkerStream(new Set(used.used.keys()));
  const text = again.push(raw) + again.flush();
  return text.replace(/[ \t]+([.,;:])/g, '$1');
}

function ms(x: number): number {
  return Math.round(x * 10) / 10;
}

function sleep(msDelay: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, msDelay);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

