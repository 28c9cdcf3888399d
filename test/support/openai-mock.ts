/** @module An msw stand-in for an OpenAI-compatible server: embeddings and chat completions. */
import { http, HttpResponse } from 'msw';

export const MOCK_OPENAI_BASE = 'http://127.0.0.1:4010/v1';
export const MOCK_EMBED_DIMS = 16;

/** Deterministic bag-of-words vector, so equal texts embed equally and similar ones nearby. */
export function mockVector(text: string): Float32Array {
  const v = new Float32Array(MOCK_EMBED_DIMS);
  for (const word of text.toLowerCase().split(/\W+/).filter(Boolean)) {
    let h = 0;
    for (const ch of word) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    v[h % MOCK_EMBED_DIMS] = (v[h % MOCK_EMBED_DIMS] ?? 0) + 1;
  }
  v[0] = (v[0] ?? 0) + 0.01;
  return v;
}

/** OpenAI's embeddings endpoint; answers base64 Float32 when asked, as the official client asks. */
export const embeddingsHandler = http.post(`${MOCK_OPENAI_BASE}/embeddings`, async ({ request }) => {
  const body = (await request.json()) as { input: string | string[]; encoding_format?: string };
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  return HttpResponse.json({
    object: 'list',
    model: 'mock-embed',
    usage: { prompt_tokens: 1, total_tokens: 1 },
    data: inputs.map((text, index) => {
      const v = mockVector(String(text));
      const embedding = body.encoding_format === 'base64' ? Buffer.from(v.buffer).toString('base64') : Array.from(v);
      return { object: 'embedding', index, embedding };
    }),
  });
});
