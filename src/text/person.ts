/** @module Who a text speaks as, and to: a question asked as "I" is best answered by a page written to "you". */

const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|myself)\b/;
const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/i;

/** Whether a question is asked in the first person ("How do I apply …?"). */
export function asksAsSelf(question: string): boolean {
  return FIRST_PERSON.test(question);
}

/** Whether a passage speaks to its reader ("You must meet in person …"). */
export function speaksToReader(text: string): boolean {
  return SECOND_PERSON.test(text);
}
