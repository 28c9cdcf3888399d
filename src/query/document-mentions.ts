/** @module Which documents a question names ("according to the 2025 TIP report", "the 2006 action plan"). */
import { terms, toTerm, tokenize } from '../text/terms.ts';
import { YEAR_SOURCE, yearsIn } from './years.ts';
import type { DocumentMeta } from '../types.ts';

/**
 * The words of a title that can name a document: years and acronyms ("2025", "TIP", "UDI"). Ordinary
 * title words ("plan", "report") are used loosely in questions and named the wrong document when tried.
 */
function namingWords(text: string): string[] {
  const words = text.replace(/\b((?:\p{Lu}\.){2,})/gu, (m) => m.replaceAll('.', '')).match(new RegExp(`${YEAR_SOURCE}|\\b\\p{Lu}{2,}\\b`, 'gu')) ?? [];
  return words.flatMap((w) => tokenize(w));
}

/** Which documents a question names, and whether it spans documents (see DocumentMentions). */
export interface QuestionMentions {
  strengths: ReadonlyMap<string, number>;
  spansDocuments: boolean;
}

/** Title words every document here shares; they tell no document from another. */
const SHARED_TOPIC = new Set(terms('human trafficking Norway Norwegian persons'));

export class DocumentMentions {
  private readonly wordsByDoc: Map<string, Set<string>>;
  /** Naming words from the title, short title and date only. */
  private readonly titleNamesByDoc: Map<string, Set<string>>;
  /** Ordinary title words (stemmed), used only to tell apart documents that share a naming word. */
  private readonly titleTermsByDoc: Map<string, Set<string>>;

  constructor(docs: ReadonlyArray<Pick<DocumentMeta, 'id' | 'title' | 'shortTitle' | 'publisher' | 'date' | 'yearsCovered'>>) {
    this.titleNamesByDoc = new Map(docs.map((d) => [d.id, new Set(namingWords(`${d.title} ${d.shortTitle} ${d.date ?? ''}`))]));
    // The years a document reports on name it too: "in 2024" points to the 2025 report.
    this.wordsByDoc = new Map(docs.map((d) => [d.id, new Set([...(this.titleNamesByDoc.get(d.id) ?? []), ...(d.yearsCovered ?? [])])]));
    this.titleTermsByDoc = new Map(
      docs.map((d) => [d.id, new Set(terms(`${d.title} ${d.shortTitle} ${d.publisher ?? ''}`).filter((t) => !SHARED_TOPIC.has(t)))]),
    );
  }

  /**
   * Per document, how strongly the question names it, 0..1 relative to the most-named one. A word
   * counts 1/(number of documents whose title has it), and a document must gather at least 1 to count,
   * so "2025" alone names the 2025 report while "TIP" alone (two reports) names none.
   */
  strengths(question: string): Map<string, number> {
    const words = new Set(tokenize(question));
    const questionTerms = new Set(terms(question));
    const raw = new Map<string, number>();
    for (const [docId, titleWords] of this.wordsByDoc) {
      let score = 0;
      for (const w of words) {
        if (!titleWords.has(w)) continue;
        // A naming word several documents share ("2006": the report and the plan) goes to those whose
        // title the question also echoes ("the 2006 plan"), or is split evenly when it echoes none.
        const sharers = [...this.wordsByDoc].filter(([, named]) => named.has(w)).map(([id]) => id);
        const echo = (id: string): number => [...(this.titleTermsByDoc.get(id) ?? [])].filter((t) => questionTerms.has(t)).length;
        const best = Math.max(...sharers.map(echo));
        const winners = best > 0 ? sharers.filter((id) => echo(id) === best) : sharers;
        if (winners.includes(docId)) score += 1 / winners.length;
      }
      if (score >= 1) raw.set(docId, score);
    }
    const max = Math.max(0, ...raw.values());
    return new Map([...raw].map(([id, score]) => [id, score / max]));
  }

  /**
   * Whether the question spans documents, so passages from each must reach the top: it names two
   * documents ("the 2006 plan and the UDI page"), or two years that belong to different documents
   * ("Tier 1 in 2006 … still in 2025?"). Two years of one document ("in 2024, says the 2025 report")
   * do not.
   */
  spansDocuments(question: string): boolean {
    return this.read(question).spansDocuments;
  }

  /** Both readings of a question at once, its strengths computed one time. */
  read(question: string): QuestionMentions {
    const strengths = this.strengths(question);
    return { strengths, spansDocuments: this.spans(question, strengths) };
  }

  private spans(question: string, strengths: ReadonlyMap<string, number>): boolean {
    if ([...strengths.values()].filter((s) => s === 1).length >= 2) return true;
    const docsOf = yearsIn(question)
      .map((y) => new Set([...this.wordsByDoc].filter(([, words]) => words.has(y)).map(([id]) => id)))
      .filter((docs) => docs.size > 0);
    return docsOf.some((a, i) => docsOf.slice(i + 1).some((b) => ![...a].some((id) => b.has(id))));
  }

  /**
   * Title words the question uses beside one of a named document's naming words ("the 2025 TIP
   * report", "the UDI page"): with it they name the document, not what to find in it.
   */
  namingPhraseTerms(question: string, docIds: ReadonlyArray<string>): Set<string> {
    const tokens = tokenize(question);
    const out = new Set<string>();
    for (const id of docIds) {
      const names = this.titleNamesByDoc.get(id) ?? new Set<string>();
      const titleTerms = this.titleTermsByDoc.get(id) ?? new Set<string>();
      tokens.forEach((token, i) => {
        if (!names.has(token)) return;
        for (const near of [tokens[i - 1], tokens[i + 1], tokens[i + 2]]) {
          const term = near === undefined ? null : toTerm(near);
          if (term && titleTerms.has(term)) out.add(term);
        }
      });
    }
    return out;
  }

  /**
   * The words of the given documents' titles that name them (years, acronyms). A year a document only
   * reports on is not one: "victims identified in 2024" asks about 2024 as well as naming the report.
   */
  namingWordsOf(docIds: ReadonlyArray<string>): Set<string> {
    return new Set(docIds.flatMap((id) => [...(this.titleNamesByDoc.get(id) ?? [])]));
  }
}
