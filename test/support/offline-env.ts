/** @module The environment for a child process of the tests: this one's, without a model configured (and without npm's own variables, on request). */
export function offlineEnv(options: { withoutNpm?: boolean } = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !e[0].startsWith('OPENAI_') && !(options.withoutNpm && e[0].startsWith('npm_'))),
  );
}
