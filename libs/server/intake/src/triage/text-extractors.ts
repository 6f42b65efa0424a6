/**
 * Finds UK postcodes and NHS trust names in free text, for triage suggestions.
 * Postcodes follow the official shape (outward code + inward code, with or without a space).
 */
const POSTCODE = /\b(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi;

export function findPostcodes(text: string, limit = 5): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(POSTCODE)) {
    const compact = match[1].toUpperCase().replace(/\s+/g, '');
    found.add(`${compact.slice(0, -3)} ${compact.slice(-3)}`);
    if (found.size >= limit) break;
  }
  return [...found];
}

// "<Name> NHS Foundation Trust", "<Name> University Health Board" (Wales), "<Name> Health and Social Care Trust" (NI).
const SUFFIX =
  /\b(NHS\s+(?:Foundation\s+)?Trust|(?:University\s+)?Health\s+Board|Health\s+and\s+Social\s+Care\s+Trust)\b/g;
const CONNECTORS = new Set(['and', 'of', 'the', '&']);
const NOT_PART_OF_A_NAME = new Set([
  'the',
  'and',
  'of',
  'a',
  'at',
  'in',
  'from',
  'to',
  'by',
  'with',
  'my',
  'our',
  'his',
  'her',
  'their',
  'i',
  'we',
  'then',
  'now',
  'but',
  'previously',
  'treated',
  'moved',
  'referred',
  'under',
  'trust',
  'board',
]);

/** The capitalised words just before a trust suffix (connectors allowed inside), without leading filler. */
function nameBefore(text: string, end: number): string[] {
  const words = text
    .slice(Math.max(0, end - 200), end)
    .split(/\s+/)
    .filter(Boolean);
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0 && name.length < 8; i--) {
    const word = words[i];
    if (/[,;:!?)(]$/.test(word) || (/\.$/.test(word) && !/^St\.$/.test(word))) break;
    if (/^(Trust|Board)$/i.test(word)) break;
    if (!/^[A-Z]/.test(word) && !CONNECTORS.has(word.toLowerCase())) break;
    name.unshift(word);
  }
  while (name.length && NOT_PART_OF_A_NAME.has(name[0].toLowerCase())) name.shift();
  return name;
}

export function findTrusts(text: string, limit = 5): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SUFFIX)) {
    const name = nameBefore(text, match.index);
    if (name.length) found.add(`${name.join(' ')} ${match[1].replace(/\s+/g, ' ')}`);
    if (found.size >= limit) break;
  }
  return [...found];
}
