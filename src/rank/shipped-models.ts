/** @module The models this project ships: src/rank/weights.json, written by `npm run train`. */
import { loadModels, type Models } from './models.ts';
import trained from './weights.json' with { type: 'json' };

export function shippedModels(): Models {
  return loadModels(trained);
}
