import OpenAI, { AuthenticationError, NotFoundError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerResult, Citation } from '../../src/answer/types.ts';
import { startServer, type TestServer } from './harness.ts';

/** The official OpenAI client against the real server, as any program using Kilde as the model `kilde` would. */
let server: TestServer;
let keyed: TestServer;
const QUESTION = 'How long is the reflection period?';

async function apiChat(url: string, content: string, headers: Record<string, string> = {}): Promise<AnswerResult> {
  const res = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ messages: [{ role: 'user', content }] }) });
  expect(res.status).toBe(200);
  return (await res.json()) as AnswerResult;
}

/** The extra field Kilde adds to a completion and to its last stream chunk. */
function citationsOf(value: object): Citation[] | undefined {
  return (value as { citations?: Citation[] }).citations;
}

beforeAll(async () => {
  [server, keyed] = await Promise.all([startServer(), startServer({ apiKey: 'test-key-123' })]);
});
afterAll(async () => {
  await Promise.all([server?.close(), keyed?.close()]);
});

describe('the openai client', () => {
  it('lists the one model, kilde', async () => {
    const client = new OpenAI({ apiKey: 'unused', baseURL: `${server.url}/v1` });
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['kilde']);
    expect((await client.models.retrieve('kilde')).id).toBe('kilde');
    await expect(client.models.retrieve('gpt-4o')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('gets the answer with its references, and the same citations /api/chat returns', async () => {
    const client = new OpenAI({ apiKey: 'unused', baseURL: `${server.url}/v1` });
    const completion = await client.chat.completions.create({
      model: 'kilde',
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: QUESTION },
      ],
    });
    const expected = await apiChat(server.url, QUESTION);
    expect(expected.citations.length).toBeGreaterThan(0);
    expect(citationsOf(completion)).toEqual(expected.citations);
    const content = completion.choices[0]?.message.content ?? '';
    expect(content.startsWith(expected.answer)).toBe(true);
    expect(content).toContain('References:');
    for (const c of expected.citations) expect(content).toContain(`[${c.n}] ${c.docTitle}`);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
  });

  it('streams the answer, and its last chunk carries the same citations', async () => {
    const client = new OpenAI({ apiKey: 'unused', baseURL: `${server.url}/v1` });
    const stream = await client.chat.completions.create({ model: 'kilde', stream: true, messages: [{ role: 'user', content: QUESTION }] });
    let text = '';
    const chunks: object[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta.content ?? '';
    }
    const expected = await apiChat(server.url, QUESTION);
    expect(chunks.length).toBeGreaterThan(3);
    expect(citationsOf(chunks.at(-1) ?? {})).toEqual(expected.citations);
    expect(text.startsWith(expected.answer)).toBe(true);
    expect(text).toContain('References:');
  });

  it('reports usage in a last chunk when asked, still with the citations', async () => {
    const client = new OpenAI({ apiKey: 'unused', baseURL: `${server.url}/v1` });
    const stream = await client.chat.completions.create({ model: 'kilde', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: QUESTION }] });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const last = chunks.at(-1);
    expect(last?.usage?.total_tokens).toBeGreaterThan(0);
    expect(citationsOf(last ?? {})?.length).toBeGreaterThan(0);
  });

  it('answers a follow-up in the conversation it is given', async () => {
    const client = new OpenAI({ apiKey: 'unused', baseURL: `${server.url}/v1` });
    const first = await apiChat(server.url, QUESTION);
    const completion = await client.chat.completions.create({
      model: 'kilde',
      messages: [
        { role: 'user', content: QUESTION },
        { role: 'assistant', content: first.answer },
        { role: 'user', content: 'Can it be renewed?' },
      ],
    });
    expect((completion as unknown as { kilde: { searchedFor: string } }).kilde.searchedFor).not.toBe('Can it be renewed?');
  });

  it('says plainly when the documents do not answer, with no citations', async () => {
    const client = new OpenAI({ apiKey: 'unused', baseURL: `${server.url}/v1` });
    const completion = await client.chat.completions.create({ model: 'kilde', messages: [{ role: 'user', content: 'What is the maximum prison sentence for human trafficking under Swedish law?' }] });
    expect(citationsOf(completion)).toEqual([]);
    expect((completion as unknown as { kilde: { grounded: boolean } }).kilde.grounded).toBe(false);
  });

  it('honours KILDE_API_KEY as the bearer key', async () => {
    const wrong = new OpenAI({ apiKey: 'wrong', baseURL: `${keyed.url}/v1`, maxRetries: 0 });
    await expect(wrong.chat.completions.create({ model: 'kilde', messages: [{ role: 'user', content: QUESTION }] })).rejects.toBeInstanceOf(AuthenticationError);
    const right = new OpenAI({ apiKey: 'test-key-123', baseURL: `${keyed.url}/v1` });
    const completion = await right.chat.completions.create({ model: 'kilde', messages: [{ role: 'user', content: QUESTION }] });
    expect(citationsOf(completion)).toEqual((await apiChat(keyed.url, QUESTION, { authorization: 'Bearer test-key-123' })).citations);
  });

  it('rejects what it cannot do with a clear error', async () => {
    const post = (body: unknown) => fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const unknownModel = await post({ model: 'gpt-4o', messages: [{ role: 'user', content: QUESTION }] });
    expect(unknownModel.status).toBe(404);
    expect(((await unknownModel.json()) as { error: { message: string } }).error.message).toContain('kilde');
    const noQuestion = await post({ model: 'kilde', messages: [{ role: 'system', content: 'Be brief.' }] });
    expect(noQuestion.status).toBe(400);
    const twoChoices = await post({ model: 'kilde', n: 2, messages: [{ role: 'user', content: QUESTION }] });
    expect(twoChoices.status).toBe(400);
    const wrongMethod = await fetch(`${server.url}/v1/chat/completions`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });
});
