import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_EMBED_DIMS, MOCK_OPENAI_BASE, embeddingsHandler } from '../../test/support/openai-mock.ts';
import { runEmbedderContract } from './embedder.contract.ts';
import { createOpenAIEmbedder } from './openai.ts';

const server = setupServer(embeddingsHandler);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('createOpenAIEmbedder', () => {
  runEmbedderContract(() => createOpenAIEmbedder({ model: 'mock-embed', apiKey: 'test', baseURL: MOCK_OPENAI_BASE }));

  it('learns the dimension from the server and names the model', async () => {
    const embedder = await createOpenAIEmbedder({ model: 'mock-embed', apiKey: 'test', baseURL: MOCK_OPENAI_BASE });
    expect(embedder.dims).toBe(MOCK_EMBED_DIMS);
    expect(embedder.name).toBe('openai:mock-embed');
  });

  it('fails with a provider error when the server refuses', async () => {
    server.use(http.post(`${MOCK_OPENAI_BASE}/embeddings`, () => HttpResponse.json({ error: { message: 'bad key' } }, { status: 401 })));
    await expect(createOpenAIEmbedder({ model: 'mock-embed', apiKey: 'bad', baseURL: MOCK_OPENAI_BASE })).rejects.toThrow(/not reachable/);
    server.resetHandlers();
  });
});
