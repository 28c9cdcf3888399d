/**
 * @module Whether a message asks for help now, for the writer or someone close: by cues a reader
 * would use (who is in trouble, harm and control, a request for action, urgency, against the marks
 * of an information question), weighed by a model learned on help-seeking and ordinary questions.
 */
import { yearsIn } from './years.ts';
import cueData from './help-cues.json' with { type: 'json' };

export const HELP_FEATURES = ['self', 'we', 'close_other', 'harm', 'control', 'request', 'urgency', 'help_word', 'informational', 'year', 'exclamation', 'length'] as const;
export type HelpFeature = (typeof HELP_FEATURES)[number];

type CueGroup = Exclude<HelpFeature, 'year' | 'exclamation' | 'length'>;

/** Each group's phrases as one pattern, matched on whole words. */
const PATTERNS = new Map(
  Object.entries(cueData.cues).map(([group, phrases]) => {
    const alternatives = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
    return [group as CueGroup, new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu')];
  }),
);

/** The cue features of a message: how many of each group's cues it uses (a few at most count). */
export function helpFeatures(message: string): number[] {
  const text = message.toLowerCase().replace(/[’]/g, "'");
  const count = (group: CueGroup): number => Math.min(3, (text.match(PATTERNS.get(group) ?? /$^/) ?? []).length);
  const values: Record<HelpFeature, number> = {
    self: count('self'),
    we: count('we'),
    close_other: count('close_other'),
    harm: count('harm'),
    control: count('control'),
    request: count('request'),
    urgency: count('urgency'),
    help_word: count('help_word'),
    informational: count('informational'),
    year: yearsIn(message).length ? 1 : 0,
    exclamation: /!/.test(message) ? 1 : 0,
    length: Math.log(1 + (text.match(/[\p{L}\p{N}]+/gu) ?? []).length),
  };
  return HELP_FEATURES.map((f) => values[f]);
}

/** A trained classifier over the cue features (the rank folder's LinearModel is one). */
export interface Classifier {
  probability(features: ReadonlyArray<number>): number;
}

export interface HelpDecision {
  helpSeeking: boolean;
  probability: number;
}

/** Help-seeking when the model's probability reaches the threshold chosen on the development set. */
export function detectHelpSeeking(message: string, model: Classifier, threshold: number): HelpDecision {
  const probability = model.probability(helpFeatures(message));
  return { helpSeeking: probability >= threshold, probability };
}
