import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs offline with no settings at all', () => {
    const c = loadConfig({});
    expect(c.embeddings).toEqual({ provider: 'local', workers: 2 });
    expect(c.answerer).toEqual({ provider: 'extractive' });
    expect(c.port).toBe(8787);
    expect(c.security.rateLimitPerMinute).toBe(600);
    expect(c.load).toEqual({ maxConcurrent: 16, queueLimit: 64, queueTimeoutMs: 10_000 });
    expect(c.shutdownGraceMs).toBe(10_000);
  });

  it('runs the embedding model inline with KILDE_EMBED_WORKERS=0, and rejects a bad load setting', () => {
    expect(loadConfig({ KILDE_EMBED_WORKERS: '0' }).embeddings).toEqual({ provider: 'local', workers: 0 });
    expect(() => loadConfig({ KILDE_MAX_CONCURRENT: '0' })).toThrow(/KILDE_MAX_CONCURRENT/);
  });

  it('uses the LLM answerer when a key or base URL is set', () => {
    expect(loadConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1', KILDE_CHAT_MODEL: 'llama3.1' }).answerer).toMatchObject({
      provider: 'openai',
      model: 'llama3.1',
      baseURL: 'http://localhost:11434/v1',
    });
  });

  it('keeps the extractive answerer when asked to, even with a key', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x', KILDE_ANSWERER: 'extractive' }).answerer.provider).toBe('extractive');
  });

  it('refuses an API key that cannot travel in a Bearer header', () => {
    expect(() => loadConfig({ KILDE_API_KEY: 'short' })).toThrow(/KILDE_API_KEY/);
    expect(() => loadConfig({ KILDE_API_KEY: 'has spaces in it!' })).toThrow(/KILDE_API_KEY/);
  });

  it('reads security settings', () => {
    const c = loadConfig({ KILDE_API_KEY: 'secret-key-123', KILDE_RATE_LIMIT: '0', KILDE_CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(c.security).toMatchObject({ apiKey: 'secret-key-123', rateLimitPerMinute: 0, corsOrigins: ['https://a.example', 'https://b.example'] });
  });

  it('lists every invalid setting in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });

  it('refuses OpenAI embeddings without a key or base URL', () => {
    expect(() => loadConfig({ KILDE_EMBEDDINGS: 'openai' })).toThrow(/KILDE_EMBEDDINGS=openai needs/);
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
