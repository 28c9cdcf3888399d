/** @module One factory for every route group, so all share the same validation-error answer. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { describeIssues, errorBody } from './errors.ts';

export function createRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(errorBody('invalid_input', describeIssues(result.error.issues)), 400);
      return undefined;
    },
  });
}
