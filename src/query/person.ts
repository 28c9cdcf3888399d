/** @module Who a text speaks as, and to: a question asked as "I" is best answered by a page written to "you". */

// "I" after a word that numbers things ("Article I", "Tier I") is a Roman numeral, not the asker.
const FIRST_PERSON = /(?<!\b(?:article|tier|chapter|part|annex|section|phase|type|level|war|volume|title)\s+)\bI\b|\b(?:me|my|myself)\b/i;
const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/i;

/** Whether a question is asked in the first person ("How do I apply …?"). */
export function asksAsSelf(question: string): boolean {
  return FIRST_PERSON.test(question);
}

/** Whether a passage speaks to its reader ("You must meet in person …"). */
export function speaksToReader(text: string): boolean {
  return SECOND_PERSON.test(text);
}
