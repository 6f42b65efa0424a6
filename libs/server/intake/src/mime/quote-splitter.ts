/**
 * Splits a plain-text email into the part the sender just wrote and the quoted history,
 * so staff read the new part first. Nothing is dropped: `fresh + quoted` keeps every line.
 */
export interface SplitText {
  fresh: string;
  quoted: string;
}

const ATTRIBUTION = [
  /^\s*On\b.{0,300}\bwrote:\s*$/i,
  /^\s*Am\b.{0,300}\bschrieb\b.{0,200}:\s*$/i,
  /^\s*Le\b.{0,300}\ba écrit\s*:\s*$/i,
  /^\s*El\b.{0,300}\bescribió:\s*$/i,
  /^\s*Op\b.{0,300}\bschreef\b.{0,200}:\s*$/i,
  /^.{0,200}(<[^<>\s]+@[^<>\s]+>|\S+@\S+\.\w+).{0,100}\bwrote:\s*$/i,
];
const ORIGINAL_MESSAGE =
  /^\s*-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}\s*$/i;
const UNDERSCORE_RULE = /^\s*_{10,}\s*$/;
const OUTLOOK_FROM = /^\s*\*?(From|Von|De)\s*:\*?\s+\S/i;
const OUTLOOK_SENT = /^\s*\*?(Sent|Date|Gesendet|Envoyé|Enviado)\s*:\*?\s+\S/i;
const FORWARD_MARKER = /(forwarded message|begin forwarded message|weitergeleitete nachricht)/i;

const isQuoteLine = (line: string) => /^\s*>/.test(line);
const isBlank = (line: string) => line.trim() === '';

function isAttribution(lines: string[], i: number): boolean {
  const line = lines[i];
  if (ATTRIBUTION.some((re) => re.test(line))) return true;
  // Mail clients wrap long attributions: "On Mon, 1 Jan 2024 at 10:00, A Person <\na@b.c> wrote:"
  return (
    /^\s*On\b/i.test(line) &&
    i + 1 < lines.length &&
    /\bwrote:\s*$/i.test(lines[i + 1]) &&
    line.length + lines[i + 1].length < 400
  );
}

function isOutlookHeader(lines: string[], i: number): boolean {
  if (!OUTLOOK_FROM.test(lines[i])) return false;
  const before = lines.slice(Math.max(0, i - 2), i).join(' ');
  if (FORWARD_MARKER.test(before)) return false;
  return lines.slice(i + 1, i + 5).some((l) => OUTLOOK_SENT.test(l));
}

/** Index of the first line of a quote header, or -1. */
function findQuoteHeader(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (ORIGINAL_MESSAGE.test(lines[i])) return i;
    if (isAttribution(lines, i)) return i;
    if (UNDERSCORE_RULE.test(lines[i]) && lines.slice(i + 1, i + 3).some((l) => OUTLOOK_FROM.test(l))) return i;
    if (isOutlookHeader(lines, i)) return i;
  }
  return -1;
}

/** End (exclusive) of the run of `>` and blank lines starting at or after `from`, if the run starts with `>`. */
function quoteRunEnd(lines: string[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i])) i++;
  if (i >= lines.length || !isQuoteLine(lines[i])) return -1;
  while (i < lines.length && (isQuoteLine(lines[i]) || isBlank(lines[i]))) i++;
  return i;
}

function join(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/^([ \t]*\n)+/, '')
    .replace(/\s+$/, '');
}

/** Moves `start` up over an attribution line ending in ":" (possibly wrapped over two lines). */
function includeAttribution(lines: string[], start: number): number {
  let i = start - 1;
  while (i >= 0 && isBlank(lines[i])) i--;
  if (i < 0 || !/:\s*$/.test(lines[i]) || lines[i].length > 300) return start;
  const previous = lines[i - 1];
  const wrapped =
    previous !== undefined && !isBlank(previous) && /(<\s*$|@)/.test(previous) && !/[.!?]\s*$/.test(previous);
  return wrapped ? i - 1 : i;
}

export function splitQuotedText(text: string): SplitText {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const header = findQuoteHeader(lines);
  if (header !== -1) {
    const headerLines = isAttribution(lines, header) && !ATTRIBUTION.some((re) => re.test(lines[header])) ? 2 : 1;
    const runEnd = quoteRunEnd(lines, header + headerLines);
    const after = runEnd === -1 ? [] : lines.slice(runEnd);
    // Bottom-posting: the reply is written under the quoted block.
    if (runEnd !== -1 && after.some((l) => !isBlank(l))) {
      const fresh = join([...lines.slice(0, header), ...after]);
      if (fresh.trim()) return { fresh, quoted: join(lines.slice(header, runEnd)) };
    }
    const fresh = join(lines.slice(0, header));
    if (fresh.trim()) return { fresh, quoted: join(lines.slice(header)) };
  }
  // No header: a trailing block of `>` lines is the quote.
  let end = lines.length;
  while (end > 0 && isBlank(lines[end - 1])) end--;
  let start = end;
  while (start > 0 && (isQuoteLine(lines[start - 1]) || isBlank(lines[start - 1]))) start--;
  while (start < end && isBlank(lines[start])) start++;
  if (start < end && isQuoteLine(lines[start])) {
    start = includeAttribution(lines, start);
    const fresh = join(lines.slice(0, start));
    if (fresh.trim()) return { fresh, quoted: join(lines.slice(start)) };
  }
  return { fresh: join(lines), quoted: '' };
}
