import type { LetterWarning } from '@campaign-desk/contracts';

/** Above this share of common word 3-shingles, a story reads as the sample rather than the supporter's own. */
export const SIMILARITY_THRESHOLD = 0.5;
const SHINGLE_WORDS = 3;

/** Lower-case words, punctuation and [placeholders] ignored, so re-typing or re-punctuating the sample does not hide it. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The set of runs of `size` consecutive words (a text shorter than that is one shingle of itself). */
export function shingles(text: string, size = SHINGLE_WORDS): Set<string> {
  const list = words(text);
  if (list.length < size) return new Set(list.length ? [list.join(' ')] : []);
  const out = new Set<string>();
  for (let i = 0; i + size <= list.length; i++) out.add(list.slice(i, i + size).join(' '));
  return out;
}

/** Jaccard similarity |A ∩ B| / |A ∪ B| of two texts' shingles: 1 for the same words in the same order, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const left = shingles(a);
  const right = shingles(b);
  if (!left.size && !right.size) return 0;
  let common = 0;
  for (const s of left) if (right.has(s)) common++;
  return common / (left.size + right.size - common);
}

/** A warning when the story is too close to any sample wording; the highest similarity found is reported. */
export function storyWarning(
  story: string,
  samples: readonly string[],
  threshold = SIMILARITY_THRESHOLD,
): LetterWarning | null {
  const highest = Math.max(0, ...samples.map((sample) => similarity(story, sample)));
  if (highest <= threshold) return null;
  return {
    code: 'story_too_close_to_sample',
    message:
      'The story is very close to the template’s sample wording. MPs read personal letters: ask the supporter to tell it in their own words.',
    similarity: Math.round(highest * 100) / 100,
  };
}
