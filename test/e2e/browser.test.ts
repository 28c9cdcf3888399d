/** End-to-end: the chat page in real Chromium against the real app (real corpus and index, offline answerer). */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/types.ts';
import { SCREENSHOT_DIR, launchChromium, startServer, type TestServer } from './harness.ts';

interface SavedTurn {
  question: string;
  result: { answer: string; grounded: boolean; citations: Citation[]; related: Citation[] };
}
interface Doc {
  id: string;
  shortTitle: string;
  text: string;
  sections: Array<{ id: string; title: string; path: string[]; level: number; start: number; end: number }>;
}

const REFLECTION = 'How long is the reflection period for victims?';
const SWEDISH = 'What is the maximum prison sentence for human trafficking under Swedish law?';
const HELP = 'they keep my ID and say I must work off a debt, what can I do?';

let server: TestServer;
let browser: Browser;
let context: BrowserContext | undefined;
/** The page must work under this policy whatever headers the app sends: no inline script, style or handler. */
const STRICT_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
/** Problems any page reports: script errors, CSP violations, dialogs (none should happen). */
let problems: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  const seen = problems;
  problems = [];
  expect(seen).toEqual([]);
});

async function openPage(viewport = { width: 1280, height: 820 }): Promise<Page> {
  context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  await context.route(`${server.url}/`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A request the test itself turned away (a 4xx/5xx or an aborted connection) logs a resource error; anything else is a problem.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(server.url);
  return page;
}

async function ask(page: Page, question: string): Promise<void> {
  const count = await page.locator('.turn').count();
  await page.fill('textarea[name="question"]', question);
  await page.press('textarea[name="question"]', 'Enter');
  await page.locator('.answer').nth(count).and(page.locator('[data-state="done"], [data-state="error"]')).waitFor();
}

function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

async function saved(page: Page): Promise<SavedTurn[]> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('kilde.conversation.v1') ?? '[]') as SavedTurn[]);
}

async function fetchDoc(id: string): Promise<Doc> {
  return (await (await fetch(`${server.url}/api/documents/${id}`)).json()) as Doc;
}

/** The innermost section holding the span, as the page should choose it. */
function innermost(doc: Doc, start: number, end: number): Doc['sections'][number] | undefined {
  return doc.sections
    .filter((s) => s.start <= start && s.end >= end)
    .sort((a, b) => b.level - a.level || a.end - a.start - (b.end - b.start))[0];
}

/** Whether any of the element shows, after clipping by the page and its scrolling containers. */
function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (el) =>
      new Promise<boolean>((resolve) => {
        const observer = new IntersectionObserver(([entry]) => {
          observer.disconnect();
          resolve((entry?.intersectionRatio ?? 0) > 0);
        });
        observer.observe(el);
      }),
  );
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const all = [document.documentElement, document.body, ...Array.from(document.querySelectorAll<HTMLElement>('.conversation, .panel-body, .source-text'))];
    return Math.max(...all.map((el) => el.scrollWidth - el.clientWidth));
  });
}

/** A text as a regular expression that matches it literally. */
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a help card item should read: its cited slice without the list mark, white space as one space. */
const contactText = (c: Citation): string => c.text.replace(/\s+/g, ' ').replace(/^[-•–]\s*/, '').trim();

async function helpContacts(): Promise<Citation[]> {
  return ((await (await fetch(`${server.url}/api/help`)).json()) as { help: Citation[] }).help;
}

describe('help for a person in need', () => {
  it('puts who can help at the top of the answer, as a calm card with phone links and sources', async () => {
    const page = await openPage();
    await ask(page, HELP);
    const answer = page.locator('.answer').first();
    const card = answer.locator('.help-card');
    await card.waitFor();
    // The card comes before the answer's prose, and the prose does not list the contacts again.
    expect(await answer.evaluate((el) => el.querySelector('.help-card')?.compareDocumentPosition(el.querySelector('.answer-text') as Node) === Node.DOCUMENT_POSITION_FOLLOWING)).toBe(true);
    const contacts = await helpContacts();
    const items = card.locator('li');
    await expect.poll(() => items.count()).toBe(contacts.length);
    for (const [i, c] of contacts.entries()) expect(((await items.nth(i).textContent()) ?? '').replace(/\s*\d+$/, '')).toBe(contactText(c));
    expect(await card.locator('a[href="tel:112"]').count()).toBe(1);
    expect(await card.locator('a[href="tel:+4722331160"]').count()).toBe(1);
    // "Phone: 116 111" is a number to call; the digits of "alarm@116111.no" are not.
    expect(await card.locator('a[href="tel:116111"]').count()).toBe(1);
    await card.locator('[data-citation="1"]').click();
    await expect.poll(() => page.locator('#panel mark').textContent()).toBe(contacts[0]?.text);
    await page.keyboard.press('Escape');
    await shot(page, '14-help-answer');
  });

  it('shows no card to an ordinary question', async () => {
    const page = await openPage();
    await ask(page, REFLECTION);
    expect(await page.locator('.help-card').count()).toBe(0);
  });

  it('opens "Need help now?" from the header at any time, from the keyboard, also when the server cannot be reached', async () => {
    const page = await openPage();
    // The contacts are fetched when the page opens and kept in the browser.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('kilde-help'))).not.toBeNull();
    await context?.setOffline(true);
    await page.locator('body').focus();
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'help-button'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('help-button');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe('Need help now?');
    const contacts = await helpContacts();
    const items = page.locator('#panel .help-card li');
    await expect.poll(() => items.count()).toBe(contacts.length);
    for (const [i, c] of contacts.entries()) expect(((await items.nth(i).textContent()) ?? '').replace(/\s*\d+$/, '')).toBe(contactText(c));
    await shot(page, '15-need-help');
    await context?.setOffline(false);
  });

  it('fits the help card on a phone', async () => {
    const page = await openPage({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Need help now?' }).click();
    await page.locator('#panel .help-card li').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, '16-phone-need-help');
    await page.locator('#panel-close').click();
    await ask(page, HELP);
    await page.locator('.answer .help-card').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, '17-phone-help-answer');
  });
});

describe('chat page', () => {
  it('streams an answer, opens the exact cited passage, follows up, survives a reload, copies and exports', async () => {
    const page = await openPage();
    await context?.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await expect.poll(() => page.locator('.example').count()).toBe(4);
    await shot(page, '01-empty');

    // Streaming: hold the answer halfway and look at the page mid-stream.
    const release = server.answerer.holdNext();
    await page.fill('textarea[name="question"]', REFLECTION);
    await page.press('textarea[name="question"]', 'Enter');
    const answer = page.locator('.answer').first();
    await page.locator('.answer[data-state="streaming"] .answer-text p').first().waitFor();
    const partial = (await answer.locator('.answer-text').textContent()) ?? '';
    expect(partial.length).toBeGreaterThan(0);
    await expect.poll(() => answer.locator('.answer-text').getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => page.locator('#stop-button').isVisible()).toBe(true);
    await shot(page, '02-streaming');
    release();
    await page.locator('.answer[data-state="done"]').first().waitFor();
    const full = (await answer.locator('.answer-text').textContent()) ?? '';
    expect(full.length).toBeGreaterThan(partial.length);
    await expect.poll(() => answer.locator('.answer-text').getAttribute('aria-busy')).toBe('false');
    await expect.poll(() => answer.getAttribute('data-grounded')).toBe('true');

    const [turn] = await saved(page);
    expect(turn?.question).toBe(REFLECTION);
    const citations = turn?.result.citations ?? [];
    expect(citations.length).toBeGreaterThan(0);
    await expect.poll(() => answer.locator('.answer-text [data-citation]').count()).toBe((turn?.result.answer.match(/\[\d+\]/g) ?? []).length);
    await expect.poll(() => answer.locator('.source-list li').count()).toBe(citations.length);
    const first = citations[0] as Citation;
    // “2006 TIP Report (5 June 2006) › Norway (Tier 1) › Protection”: document, its date when it has one, section.
    const label = new RegExp(`${escape(first.docTitle)}${first.docDate ? ` \\([^)]*${first.docDate.slice(0, 4)}\\)` : ''} › ${escape(first.sectionPath.join(' › '))}`);
    await expect.poll(() => answer.locator('.source-list li').first().textContent()).toMatch(label);
    await shot(page, '03-answer');

    // The chip opens the passage, highlighted, inside its innermost section.
    await answer.locator(`.answer-text [data-citation="${first.n}"]`).first().click();
    const mark = page.locator('#panel mark');
    await mark.waitFor();
    const doc = await fetchDoc(first.docId);
    expect(await mark.textContent()).toBe(doc.text.slice(first.start, first.end));
    expect(await mark.textContent()).toBe(first.text);
    const section = innermost(doc, first.start, first.end);
    expect(await page.locator('#panel .source-text').textContent()).toBe(doc.text.slice(section?.start, section?.end));
    await expect.poll(() => page.locator('#panel .breadcrumb').textContent()).toContain(doc.shortTitle);
    await expect.poll(() => page.locator('#panel .breadcrumb li').last().textContent()).toBe(section?.path.at(-1) ?? '');
    await expect.poll(() => inViewport(mark)).toBe(true);
    await shot(page, '04-source-panel');
    await page.getByRole('button', { name: 'Show the whole document' }).click();
    expect(await page.locator('#panel .source-text').textContent()).toBe(doc.text);
    expect(await mark.textContent()).toBe(first.text);
    await expect.poll(() => inViewport(mark)).toBe(true);
    await page.locator('#panel-close').click();
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(false);

    // A follow-up sends the earlier turn along; text withdrawn by a reset event does not stay on screen.
    server.answerer.falseStartNext('WITHDRAWN DRAFT ');
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/chat'));
    await page.fill('textarea[name="question"]', 'Can it be extended?');
    await page.press('textarea[name="question"]', 'Enter');
    await expect.poll(() => page.locator('.answer').nth(1).textContent()).toContain('WITHDRAWN DRAFT');
    await page.locator('.answer').nth(1).and(page.locator('[data-state="done"]')).waitFor();
    expect(await page.locator('.answer').nth(1).textContent()).not.toContain('WITHDRAWN');
    const body = (await sent).postDataJSON() as { messages: Array<{ role: string; content: string }> };
    expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(body.messages[0]?.content).toBe(REFLECTION);
    expect(body.messages[1]?.content).toBe(turn?.result.answer);
    await expect.poll(() => page.locator('.answer[data-state="done"]').count()).toBe(2);
    await shot(page, '05-follow-up');

    // Copy puts the answer and its quoted references on the clipboard.
    await answer.getByRole('button', { name: 'Copy answer' }).click();
    await expect.poll(() => answer.getByRole('button', { name: 'Copied' }).isVisible()).toBe(true);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(turn?.result.answer);
    expect(copied).toContain(`> ${first.text.split('\n')[0]}`);

    // Export writes the conversation as Markdown with the passages quoted.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const markdown = await readFile(await (await download).path(), 'utf8');
    expect(markdown).toContain(`## ${REFLECTION}`);
    expect(markdown).toContain('## Can it be extended?');
    expect(markdown).toMatch(new RegExp(`\\[${first.n}\\] ${label.source}`));
    expect(markdown).toContain(`> ${first.text.split('\n')[0]}`);

    // A reload keeps both turns, and their chips still open the sources.
    await page.reload();
    await expect.poll(() => page.locator('.turn').count()).toBe(2);
    await expect.poll(() => page.locator('.question-text').first().textContent()).toBe(REFLECTION);
    await page.locator('.answer').first().locator('[data-citation]').first().click();
    expect(await page.locator('#panel mark').textContent()).toBe(first.text);
    await page.keyboard.press('Escape');

    // New chat clears it, also after another reload.
    await page.getByRole('button', { name: 'New chat' }).click();
    await expect.poll(() => page.locator('.turn').count()).toBe(0);
    await expect.poll(() => page.locator('#empty').isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.locator('.turn').count()).toBe(0);
  });

  it('shows an ungrounded answer differently, with the nearest passages', async () => {
    const page = await openPage();
    await ask(page, REFLECTION);
    await ask(page, SWEDISH);
    const refused = page.locator('.answer').nth(1);
    await expect.poll(() => refused.getAttribute('data-grounded')).toBe('false');
    await expect.poll(() => refused.locator('.answer-label').textContent()).toBe('The documents don’t answer this');
    await expect.poll(() => refused.locator('[data-citation]').count()).toBe(0);
    await expect.poll(() => refused.locator('.related-list li').first().isVisible()).toBe(true);
    const style = (n: number) => page.locator('.answer').nth(n).evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, border: s.borderTopStyle };
    });
    const [grounded, ungrounded] = [await style(0), await style(1)];
    expect(ungrounded.background).not.toBe(grounded.background);
    expect(ungrounded.border).toBe('dashed');
    await refused.locator('.related-list .source-link').first().click();
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe('Nearest passage 1');
    const related = (await saved(page))[1]?.result.related[0];
    expect(await page.locator('#panel mark').textContent()).toBe(related?.text);
    await page.keyboard.press('Escape');
    await refused.scrollIntoViewIfNeeded();
    await shot(page, '06-ungrounded');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, '06-ungrounded-dark');
  });

  it('works with the keyboard alone', async () => {
    const page = await openPage();
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el instanceof HTMLElement && el.dataset.citation ? `[data-citation=${el.dataset.citation}]` : ''}` : '';
    });
    const tabTo = async (pattern: RegExp, key = 'Tab'): Promise<string> => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press(key);
        const now = await focused();
        if (pattern.test(now)) return now;
      }
      throw new Error(`${pattern} never got focus`);
    };
    await tabTo(/^textarea#question$/);
    await page.keyboard.type('How long is the reflection');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('period for victims?');
    expect(await page.inputValue('#question')).toBe('How long is the reflection\nperiod for victims?');
    await page.keyboard.press('Enter');
    await page.locator('.answer[data-state="done"]').waitFor();
    expect(await focused()).toBe('textarea#question');

    const chip = await tabTo(/\[data-citation=\d+\]$/);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await shot(page, '07-keyboard-focus');
    await page.keyboard.press('Enter');
    await page.locator('#panel mark').waitFor();
    expect(await focused()).toBe('h2#panel-title');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(false);
    expect(await focused()).toBe(chip);
  });

  it('renders user text as text, never as HTML', async () => {
    const page = await openPage();
    const attack = '<img src=x onerror=alert(1)> <script>alert(2)</script> <b>bold?</b>';
    await ask(page, attack);
    await expect.poll(() => page.locator('.question-text').textContent()).toBe(attack);
    expect(await page.locator('.turns img, .turns script, .turns b').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.locator('.question-text').textContent()).toBe(attack);
    expect(await page.locator('img, .turns script, .turns b').count()).toBe(0);
    await shot(page, '08-markup-as-text');
  });

  it('fits a phone screen, with sources in a full-screen sheet', async () => {
    const page = await openPage({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, '09-phone-empty');
    await ask(page, REFLECTION);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, '10-phone-answer');
    await page.locator('.answer-text [data-citation]').first().click();
    await page.locator('#panel mark').waitFor();
    const box = await page.locator('#panel').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expect.poll(() => inViewport(page.locator('#panel mark'))).toBe(true);
    expect(await page.locator('#main').evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    await shot(page, '11-phone-source');
    await page.locator('#panel-close').click();
    expect(await page.locator('#main').evaluate((el) => (el as HTMLElement).inert)).toBe(false);
    await page.getByRole('button', { name: 'Documents', exact: true }).click();
    await page.locator('.doc-card').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, '12-phone-documents');
  });

  it('browses the documents and opens a section', async () => {
    const page = await openPage();
    await page.getByRole('button', { name: 'Documents', exact: true }).click();
    await expect.poll(() => page.locator('.doc-card').count()).toBe(5);
    await expect.poll(() => page.locator('#documents-button').getAttribute('aria-expanded')).toBe('true');
    // Each document says on what terms it may be reused.
    await expect.poll(() => page.locator('.doc-card .doc-licence').count()).toBe(5);
    expect(await page.locator('.doc-card .doc-licence').first().textContent()).toMatch(/^Reuse: /);
    const udi = page.locator('.doc-card').filter({ has: page.getByRole('heading', { name: 'UDI victims page', exact: true }) });
    await udi.locator('summary').click();
    await shot(page, '13-documents');
    await udi.getByRole('button', { name: 'Period of reflection' }).click();
    const doc = await fetchDoc('udi-victims');
    const section = doc.sections.find((s) => s.title === 'Period of reflection');
    await expect.poll(() => page.locator('#panel .breadcrumb').textContent()).toContain('Period of reflection');
    expect(await page.locator('#panel .source-text').textContent()).toBe(doc.text.slice(section?.start, section?.end));
    await expect.poll(() => page.locator('#panel mark').count()).toBe(0);
    await shot(page, '14-section');
  });

  it('stops a streaming answer on request, and shows a notice that comes with an answer', async () => {
    const page = await openPage();
    const release = server.answerer.holdNext();
    await page.fill('#question', REFLECTION);
    await page.press('#question', 'Enter');
    await page.locator('.answer[data-state="streaming"]').waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => page.locator('.answer-error').textContent()).toContain('Stopped.');
    expect(await page.locator('#send-button').isVisible()).toBe(true);
    release();

    // A plain JSON answer (a server or proxy that does not stream) is shown the same way, notice included.
    await page.route('**/api/chat', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          answer: 'Victims get a reflection period. [1]',
          citations: [{ n: 1, docId: 'udi-victims', docTitle: 'UDI victims page', sectionPath: ['Period of reflection'], start: 0, end: 17, text: 'Human trafficking' }],
          grounded: true,
          answerer: 'extractive',
          related: [],
          searchedFor: REFLECTION,
          notice: 'The language model failed; the offline answerer stood in.',
          timings: { rewrite: 0, retrieve: 1, answer: 1, total: 2 },
        }),
      }),
    );
    await ask(page, REFLECTION);
    const answer = page.locator('.answer').last();
    await expect.poll(() => answer.locator('.notice').textContent()).toBe('Note: The language model failed; the offline answerer stood in.');
    await answer.locator('[data-citation="1"]').click();
    await expect.poll(() => page.locator('#panel mark').textContent()).toBe('Human trafficking');
    await shot(page, '18-notice');
  });

  it('explains errors: rate limited, invalid input, server down', async () => {
    const page = await openPage();
    await page.route('**/api/chat', (route) =>
      route.fulfill({ status: 429, headers: { 'Retry-After': '30', 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'rate_limited', message: 'too many requests' } }) }),
    );
    await ask(page, REFLECTION);
    const error = page.locator('.answer-error');
    await expect.poll(() => error.textContent()).toContain('Too many questions');
    await expect.poll(() => error.locator('.countdown').textContent()).toMatch(/You can ask again in (29|30) s\./);
    await expect.poll(() => error.getByRole('button', { name: 'Try again' }).isDisabled()).toBe(true);
    await shot(page, '15-rate-limited');
    await page.fill('#question', 'Another one?');
    await page.press('#question', 'Enter');
    await expect.poll(() => page.locator('#composer-error').textContent()).toContain('The server asked for a pause');
    await page.unroute('**/api/chat');

    await page.getByRole('button', { name: 'New chat' }).click();
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.route('**/api/chat', (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'invalid_input', message: 'messages: the question must be 1 to 2000 characters' } }) }),
    );
    await ask(page, REFLECTION);
    await expect.poll(() => page.locator('.answer-error').textContent()).toContain('Question not accepted.');
    await expect.poll(() => page.locator('.answer-error').textContent()).toContain('the question must be 1 to 2000 characters');
    await shot(page, '16-invalid');
    await page.unroute('**/api/chat');

    await page.route('**/api/chat', (route) => route.abort('connectionrefused'));
    await ask(page, REFLECTION);
    await expect.poll(() => page.locator('.answer-error').last().textContent()).toContain('Can’t reach the server.');
    await shot(page, '17-server-down');
    await page.unroute('**/api/chat');
    await page.locator('.answer-error').last().getByRole('button', { name: 'Try again' }).click();
    await page.locator('.answer[data-state="done"]').waitFor();
    await expect.poll(() => page.locator('.answer[data-state="done"] [data-citation]').first().isVisible()).toBe(true);

    // Over-long questions are refused before they are sent.
    await page.fill('#question', 'x'.repeat(2001));
    await page.press('#question', 'Enter');
    await expect.poll(() => page.locator('#composer-error').textContent()).toContain('at most 2000 characters');
  });

  it('sends an API key given in the address fragment, and explains a missing one', async () => {
    const secured = await startServer({ apiKey: 'page-key' });
    try {
      context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
      const page = await context.newPage();
      await page.goto(`${secured.url}/`);
      await page.locator('textarea[name="question"]').fill('How long is a period of reflection valid?');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByText(/needs an API key/).count()).toBeGreaterThan(0);
      await page.goto(`${secured.url}/#key=page-key`);
      await page.reload();
      expect(new URL(page.url()).hash).toBe('');
      await page.locator('textarea[name="question"]').fill('How long is a period of reflection valid?');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-citation="1"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    } finally {
      await secured.close();
    }
  });
});

describe('API reference page', () => {
  it('lays out every operation of the OpenAPI description, from this server alone', async () => {
    const page = await openPage();
    await page.goto(`${server.url}/api/docs`);
    const spec = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(spec.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    await expect.poll(() => page.locator('.operation').count()).toBe(operations);
    await expect.poll(() => page.locator('.operation h3').allTextContents()).toContain('post/api/chat');
    await shot(page, '18-api-docs');
  });
});
