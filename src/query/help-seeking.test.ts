import { describe, expect, it } from 'vitest';
import { detectHelpSeeking, HELP_FEATURES, helpFeatures } from './help-seeking.ts';

const feature = (message: string, name: (typeof HELP_FEATURES)[number]): number => helpFeatures(message)[HELP_FEATURES.indexOf(name)] ?? 0;

describe('helpFeatures', () => {
  it('counts the cues a reader would notice, in English and Norwegian', () => {
    expect(feature('help me please they took my passport', 'request')).toBeGreaterThan(0);
    expect(feature('help me please they took my passport', 'control')).toBe(1);
    expect(feature('hjelp meg, de har tatt passet mitt', 'request')).toBeGreaterThan(0);
    expect(feature('hjelp meg, de har tatt passet mitt', 'control')).toBe(1);
    expect(feature('Kjæresten min blir slått', 'close_other')).toBe(1);
    expect(feature('Kjæresten min blir slått', 'harm')).toBe(1);
  });

  it('marks an information question as one', () => {
    expect(feature('How many victims were identified in 2024 according to the report?', 'informational')).toBeGreaterThan(1);
    expect(feature('How many victims were identified in 2024 according to the report?', 'year')).toBe(1);
  });

  it('matches whole words only', () => {
    expect(feature('The passage is imprecise', 'control')).toBe(0);
  });
});

describe('detectHelpSeeking', () => {
  // A model that adds the request and harm cues and takes away the information marks.
  const model = {
    probability: (x: ReadonlyArray<number>): number => {
      const at = (name: (typeof HELP_FEATURES)[number]): number => x[HELP_FEATURES.indexOf(name)] ?? 0;
      return 1 / (1 + Math.exp(-(at('request') + at('harm') - 2 * at('informational') - 0.5)));
    },
  };

  it('flags a request for help and not a question about help', () => {
    expect(detectHelpSeeking('please help me, he hits me', model, 0.5).helpSeeking).toBe(true);
    expect(detectHelpSeeking('How many people did the hotline help according to the report?', model, 0.5).helpSeeking).toBe(false);
  });
});
