/**
 * @module The `kilde` command: serve, ingest, ask, search, eval, mcp. Exit codes: 0 done, 1 failed,
 * 2 wrong usage. Results go to stdout, progress and errors to stderr, so output can be piped.
 */
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { answerAsText } from '../answer/references.ts';
import { loadConfig } from '../config.ts';
import { unknownDocIds } from '../corpus/doc-ids.ts';
import { AppError } from '../errors.ts';
import { createMcpServer } from '../mcp/server.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import { API_VERSION } from '../server/app.ts';
import { questionText } from '../server/schemas.ts';
import { readableLogger } from './readable-log.ts';

const HELP = `kilde: answers about human trafficking in Norway from five public documents, with exact citations.

Usage: kilde <command> [options]

Commands:
  serve                   run the chat page and the API (PORT, HOST and the other settings come from the environment)
  ingest [--force]        build the index now, with progress (--force: even when it is up to date)
  ask "question"          answer with numbered references and the quoted passages
      --json              print the raw answer object, as POST /api/chat returns it
      --doc ID            only these documents (repeatable; ids: kilde ask --list-docs)
      --list-docs         print the document ids and titles
  search "query"          the best passages, best first
      -k N                how many (1-50, default 8)
      --doc ID, --json    as for ask
  eval [--set FILE]       search and answer figures on a question set (default eval/dev.jsonl); --lodo, --verbose
  mcp                     an MCP server on stdin/stdout (for Claude Desktop and other MCP hosts)

  kilde --help | kilde <command> --help    this text
  kilde --version

Settings are environment variables (see the README); without OPENAI_API_KEY or OPENAI_BASE_URL
everything runs offline.`;

class UsageError extends Error {}

function fail(message: string, code: number): never {
  process.stderr.write(`kilde: ${message}\n`);
  process.exit(code);
}

/** The runtime, quietly: the CLI's stdout is for results (stdio MCP needs it clean). */
async function runtime(): Promise<Runtime> {
  return createRuntime(loadConfig(process.env), readableLogger('warn'));
}

function checkedDocIds(rt: Runtime, ids: ReadonlyArray<string> | undefined): string[] | undefined {
  if (!ids?.length) return undefined;
  const problem = unknownDocIds(ids, rt.documents.map((d) => d.id));
  if (problem) throw new UsageError(problem);
  return [...ids];
}

function checkedText(what: string, positionals: ReadonlyArray<string>): string {
  const text = positionals.join(' ');
  const parsed = questionText.safeParse(text);
  if (!parsed.success) throw new UsageError(`the ${what} ${parsed.error.issues[0]?.message ?? 'is not valid'} (give it in quotes: kilde ${what === 'query' ? 'search' : 'ask'} "…")`);
  return text.trim();
}

async function ask(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, doc: { type: 'string', multiple: true }, 'list-docs': { type: 'boolean' } } });
  if (values['list-docs']) {
    const rt = await runtime();
    for (const d of rt.documents) process.stdout.write(`${d.id}\t${d.title}${d.date ? ` (${d.date})` : ''}\n`);
    return;
  }
  const question = checkedText('question', positionals);
  const rt = await runtime();
  const docIds = checkedDocIds(rt, values.doc);
  const result = await rt.answerer.answer({ messages: [{ role: 'user', content: question }], ...(docIds ? { docIds } : {}) });
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${answerAsText(result)}\n`);
}

async function search(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, doc: { type: 'string', multiple: true }, k: { type: 'string', short: 'k', default: '8' } } });
  const query = checkedText('query', positionals);
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 50) throw new UsageError(`-k must be a whole number from 1 to 50, not "${values.k}"`);
  const rt = await runtime();
  const docIds = checkedDocIds(rt, values.doc);
  const results = await rt.searcher.search({ query, k, ...(docIds ? { docIds } : {}) });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
    return;
  }
  if (!results.length) process.stdout.write('No passage matches.\n');
  results.forEach((r, i) => process.stdout.write(`${i + 1}. ${[r.docTitle, ...r.sectionPath].join(' › ')}  [${r.docId} ${r.passage.start}-${r.passage.end}]\n   ${r.passage.text.replace(/\s+/g, ' ').trim()}\n\n`));
}

async function mcp(): Promise<void> {
  const rt = await runtime();
  const server = createMcpServer({ documents: rt.documents, search: rt.searcher, answerer: rt.answerer, version: API_VERSION });
  await server.connect(new StdioServerTransport());
  process.stderr.write('kilde: MCP server ready on stdio\n');
}

/** Commands that are scripts of their own take the rest of the command line as theirs. */
async function delegate(load: () => Promise<unknown>): Promise<void> {
  process.argv.splice(2, 1);
  await load();
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help' || rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${HELP}\n`);
    if (!command) process.exitCode = 2;
    return;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`kilde ${API_VERSION}\n`);
    return;
  }
  switch (command) {
    case 'serve':
      return delegate(() => import('../server/node.ts'));
    case 'ingest':
      return delegate(() => import('./ingest.ts'));
    case 'eval':
      return delegate(() => import('./eval.ts'));
    case 'ask':
      return ask(rest);
    case 'search':
      return search(rest);
    case 'mcp':
      return mcp();
    default:
      throw new UsageError(`unknown command "${command}"; try kilde --help`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) fail(error.message, 2);
  // parseArgs's own errors (an unknown option, a missing value) are usage errors too.
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) fail(`${error.message}; try kilde --help`, 2);
  if (error instanceof AppError) fail(error.message, 1);
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error), 1);
});
