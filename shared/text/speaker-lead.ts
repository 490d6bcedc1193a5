/**
 * A quotation coded from the start of a turn carries the transcript's "[00:02:10] PS: " in
 * its text. Printed under a code, that speaker role reads as part of the quote, so exports
 * drop it; the speaker is given in its own column or source label instead.
 */
const LEAD = /^\s*(?:\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\]\s*)?([^\s:][^:\n]{0,40}?):[ \t]*\n?\s*/u;

/** The text without a leading "[time] LABEL:" when LABEL is one of the document's speaker labels. */
export function withoutSpeakerLead(text: string, labels: ReadonlySet<string>): string {
  const m = LEAD.exec(text);
  if (!m || !labels.has(m[1]!.trim())) return text;
  return text.slice(m[0].length);
}
