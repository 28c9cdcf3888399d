/**
 * @module The LLM answerer: condenses follow-ups, gives the model the best passages of the learned
 * ranking, and streams its answer claim by claim, each released only once a passage it cites backs
 * it. Falls back to the offline answerer when the model fails.
 */
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../../config.ts';
import { ProviderError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import { isFollowUp, lastQuestion } from '../../query/followup.ts';
import { nonOverlapping } from '../../rank/diversify.ts';
import type { RankedPassage } from '../../rank/ranker.ts';
import type { ChatMessage } from '../../types.ts';
import { roundMs as ms, type Answerer } from '../answerer.ts';
import { citationsAreExact, makeCitation } from '../citations.ts';
import { gatherEvidence, type AnsweringDeps } from '../evidence.ts';
import { composeHelp, readableDate } from '../extractive/compose.ts';
import { answerFromEvidence, type ExtractiveAnswerer } from '../extractive/extractive-answerer.ts';
import { refuse } from '../extractive/refusal.ts';
import type { AnswerRequest, AnswerResult, Citation } from '../types.ts';
import { PHRASES } from '../extractive/phrases.ts';
import { ClaimGate, figuresAgree, passageBacks } from './claims.ts';
import { MarkerStream } from './marker-stream.ts';
import { ModelCaller, providerStatus } from './model-call.ts';
import { narrowToClaims } from './narrow.ts';
import { ANSWER_SYSTEM_PROMPT, CONDENSE_SYSTEM_PROMPT, NOT_IN_DOCUMENTS, answerUserPrompt, condenseUserPrompt, type PromptPassage } from './prompt.ts';

type LlmConfig = Extract<Config['answerer'], { provider: 'openai' }>;

/** The model's refusal, however it quotes or capitalises it. */
const REFUSAL = /^\W*the documents do not answer this question/i;

/** A passage as the model is shown it: the ranked passage with a sentence of its section either side, for context. */
interface Shown {
  passage: RankedPassage;
  docId: string;
  start: number;
  end: number;
  sentenceIds: number[];
  text: string;
}

export interface LlmOptions {
  /** Passages given to the model (from weights.json: chosen by recall@k on validation). */
  promptPassages: number;
}

export class LlmAnswerer implements Answerer {
  readonly name: string;
  private readonly caller: ModelCaller;

  constructor(
    config: LlmConfig,
    private readonly deps: AnsweringDeps,
    private readonly fallback: ExtractiveAnswerer,
    private readonly logger: Logger,
    private readonly options: LlmOptions,
  ) {
    this.name = `openai:${config.model}`;
    const model = new ChatOpenAI({
      model: config.model,
      apiKey: config.apiKey ?? 'not-needed',
      temperature: 0,
      // Retries are ours (ModelCaller): the client's own would retry after text reached the reader.
      maxRetries: 0,
      streamUsage: false,
      ...(config.baseURL ? { configuration: { baseURL: config.baseURL } } : {}),
    });
    this.caller = new ModelCaller(model, { timeoutMs: config.timeoutMs, retries: config.retries });
  }

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    const t0 = performance.now();
    const condensed = await this.condense(request);
    // The condense call already used every retry: asking again for the answer would only double the wait.
    if (condensed.failure) return this.fallBack(request, condensed.failure, t0, false);
    const t1 = performance.now();
    const evidence = await gatherEvidence(this.deps, request.messages, {
      searchAs: condensed.messages,
      ...(request.docIds ? { docIds: request.docIds } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const searchedFor = condensed.text ?? evidence.searchedFor;
    const t2 = performance.now();
    const timings = (): AnswerResult['timings'] => {
      const t3 = performance.now();
      return { rewrite: ms(t1 - t0), retrieve: ms(t2 - t1), answer: ms(t3 - t2), total: ms(t3 - t0) };
    };
    const shown = this.shown(nonOverlapping(evidence.ranked, this.options.promptPassages));
    // The answer check stands for the model too: a question the documents do not answer never reaches
    // it, and gets the offline answer (a refusal, or who can help for a person asking for help).
    if (!evidence.decision.answerable || !shown.length) {
      const offline = answerFromEvidence(this.deps, evidence);
      if (offline.help) request.onHelp?.(offline.help);
      request.onDelta?.(offline.answer);
      return { ...offline, answerer: this.name, searchedFor, timings: timings() };
    }
    const passages: PromptPassage[] = shown.map((s, i) => ({ n: i + 1, label: this.label(s), text: s.text }));
    const question = lastQuestion(request.messages);
    const messages = [new SystemMessage(ANSWER_SYSTEM_PROMPT), new HumanMessage(answerUserPrompt(question, passages, condensed.text))];
    // A person asking for help gets who can help first, from the documents verbatim, before the model says anything.
    const help = evidence.helpSeeking ? composeHelp(this.deps.context.view, this.deps.help.contacts, evidence.language) : null;
    if (help) {
      request.onHelp?.(help.citations);
      request.onDelta?.(`${help.answer}\n\n`);
    }
    // Claims in another language than the documents' share no words with them: only their figures can be checked.
    const gate = new ClaimGate((n) => shown[n - 1]?.text, (help?.citations.length ?? 0) + 1, evidence.language === 'en' ? passageBacks : figuresAgree);
    const markers = new MarkerStream();
    let raw = '';
    try {
      await this.caller.stream(
        messages,
        (piece) => {
          raw += piece;
          // The model's own refusal is held back whole: it is answered as a refusal below.
          if (REFUSAL.test(raw) || NOT_IN_DOCUMENTS.toLowerCase().startsWith(raw.trim().toLowerCase())) return;
          const released = gate.push(markers.push(piece));
          if (released) request.onDelta?.(released);
        },
        request.signal,
      );
    } catch (error) {
      if (request.signal?.aborted) throw error;
      return this.fallBack(request, error, t0, gate.text.length > 0);
    }
    const phrases = PHRASES[evidence.language];
    if (REFUSAL.test(raw.trim())) {
      // The prompt asks for the English sentence; the reader gets it in the question's language.
      const { related } = refuse(this.deps.context.view, evidence);
      request.onDelta?.(phrases.notAnswered);
      return { answer: phrases.notAnswered, citations: [], grounded: false, related, answerer: this.name, searchedFor, timings: timings() };
    }
    const tail = gate.push(markers.flush()) + gate.flush(markers.cut);
    if (tail) request.onDelta?.(tail);
    const answer = gate.text.trim();
    const cited = this.citationsFor(answer, gate, shown);
    const citations = [...(help?.citations ?? []), ...cited];
    if (help && !cited.length) {
      // Who can help stands; the model added nothing a passage backs.
      const nothingMore = phrases.nothingMore;
      request.onDelta?.(nothingMore);
      return { answer: `${help.answer}\n\n${nothingMore}`, citations, grounded: true, related: [], help: help.citations, answerer: this.name, searchedFor, timings: timings() };
    }
    if (!citations.length) {
      this.logger.info('llm: no claim of the answer was backed by a given passage; reporting it as not answered', { chars: raw.length });
      const refusal = refuse(this.deps.context.view, evidence, phrases.modelUnbacked);
      if (answer) request.onReset?.();
      request.onDelta?.(refusal.answer);
      return { ...refusal, answerer: this.name, searchedFor, timings: timings() };
    }
    const result: AnswerResult = {
      answer: help ? `${help.answer}\n\n${answer}` : answer,
      citations,
      grounded: true,
      related: [],
      answerer: this.name,
      searchedFor,
      timings: timings(),
      ...(help ? { help: help.citations } : {}),
    };
    if (!gate.removed) return result;
    this.logger.info('llm: left out claims no given passage backs', { removed: gate.removed });
    const sentences = gate.removed === 1 ? '1 sentence' : `${gate.removed} sentences`;
    return { ...result, notice: `${sentences} of the model's answer that no passage backed ${gate.removed === 1 ? 'was' : 'were'} left out.` };
  }

  /** Each passage with a sentence of its section either side: the model reads it in context. */
  private shown(passages: ReadonlyArray<RankedPassage>): Shown[] {
    const { sentences } = this.deps.ranker.index;
    const view = this.deps.context.view;
    return passages.map((r) => {
      const ids = [...r.passage.sentenceIds];
      const first = ids[0] ?? 0;
      const last = ids[ids.length - 1] ?? first;
      const same = (id: number): boolean => sentences[id]?.docId === r.passage.docId && sentences[id]?.sectionId === r.passage.sectionId;
      if (same(first - 1)) ids.unshift(first - 1);
      if (same(last + 1)) ids.push(last + 1);
      const start = sentences[ids[0] ?? first]?.start ?? r.passage.start;
      const end = sentences[ids[ids.length - 1] ?? last]?.end ?? r.passage.end;
      return { passage: r, docId: r.passage.docId, start, end, sentenceIds: ids, text: view.doc(r.passage.docId)?.text.slice(start, end) ?? '' };
    });
  }

  /** "2006 TIP Report (5 June 2006) › Norway (Tier 1) › Protection": the model sees who says it and when. */
  private label(s: Shown): string {
    const doc = this.deps.context.view.doc(s.docId);
    const date = readableDate(doc?.date);
    const section = this.deps.context.view.sectionAt(s.docId, s.passage.passage.start, s.passage.passage.end)?.path ?? [];
    return [`${doc?.shortTitle ?? s.docId}${date ? ` (${date})` : ''}`, ...section].join(' › ');
  }

  /** One citation per released marker number, narrowed to the sentences that carry the claims citing it. */
  private citationsFor(answer: string, gate: ClaimGate, shown: ReadonlyArray<Shown>): Citation[] {
    const citations: Citation[] = [];
    for (const [written, n] of gate.numbering) {
      const s = shown[written - 1];
      if (!s) continue;
      const span = narrowToClaims(answer, n, s, this.deps.ranker.index.sentences);
      const citation = makeCitation(this.deps.context.view, n, s.docId, span.start, span.end);
      if (citation) citations.push(citation);
    }
    return citationsAreExact(this.deps.context.view, citations) ? citations.sort((a, b) => a.n - b.n) : [];
  }

  /** The offline answerer stands in; `shown`: model text already reached the reader and is withdrawn first. */
  private async fallBack(request: AnswerRequest, error: unknown, t0: number, shown: boolean): Promise<AnswerResult> {
    this.logger.warn('llm: falling back to the extractive answerer', { reason: error instanceof Error ? error.message : String(error), partial: shown });
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
   * A follow-up goes through the model's condense step, and is then searched as the condensed question
   * alone. If the model gives nothing usable the conversation is searched as it is; if the model is
   * unreachable, `failure` says so.
   */
  private async condense(request: AnswerRequest): Promise<{ messages: ReadonlyArray<ChatMessage>; text?: string; failure?: unknown }> {
    const question = lastQuestion(request.messages);
    const hasHistory = request.messages.slice(0, -1).some((m) => m.role === 'user');
    // A question in another language is condensed too: the step translates it for the search.
    const needed = (hasHistory && isFollowUp(question)) || this.deps.context.translator.languageOf(question) !== 'en';
    if (!needed) return { messages: request.messages };
    try {
      const text = await this.caller.stream([new SystemMessage(CONDENSE_SYSTEM_PROMPT), new HumanMessage(condenseUserPrompt(request.messages))], () => undefined, request.signal);
      const line = text.trim().split('\n')[0]?.trim() ?? '';
      const condensed = line.replace(/^(?:rewritten question|question)\s*:\s*/i, '').replace(/^["“']+|["”']+$/g, '').trim();
      if (condensed.length <= 3 || condensed.length > 2000) return { messages: request.messages };
      return { messages: [{ role: 'user', content: condensed }], text: condensed };
    } catch (error) {
      if (request.signal?.aborted) throw error;
      // An empty reply is the model's own shortcoming, not a sign that it is down.
      const empty = error instanceof ProviderError && providerStatus(error) === undefined && !error.timeout && /empty/.test(error.message);
      if (!empty) return { messages: request.messages, failure: error };
      this.logger.warn('llm: condense step gave nothing; searching the conversation as it is', {});
      return { messages: request.messages };
    }
  }
}

/** What went wrong, in words for the reader. */
function noticeReason(error: unknown): string {
  const status = providerStatus(error);
  if (error instanceof ProviderError && error.timeout) return 'did not answer in time';
  if (error instanceof ProviderError && error.partial) return 'broke off mid-answer';
  if (status === 429) return 'was rate-limited';
  if (status === 401 || status === 403) return 'refused our credentials';
  if (status !== undefined && status >= 500) return `had a server error (${status})`;
  if (error instanceof ProviderError && /empty/.test(error.message)) return 'gave an empty answer';
  return 'was unavailable';
}
