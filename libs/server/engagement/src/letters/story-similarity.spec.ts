import { SAMPLE_STORIES } from './letter-sample';
import { shingles, similarity, storyWarning, words } from './story-similarity';

describe('story similarity', () => {
  const sample = SAMPLE_STORIES[0];

  it('normalises case, punctuation, apostrophes and [placeholders]', () => {
    expect(words("I'm WAITING, [number] weeks… at St Mary’s!")).toEqual([
      'im',
      'waiting',
      'weeks',
      'at',
      'st',
      'marys',
    ]);
  });

  it('builds word 3-shingles, and one shingle for a short text', () => {
    expect([...shingles('one two three four')]).toEqual(['one two three', 'two three four']);
    expect([...shingles('just two')]).toEqual(['just two']);
    expect(shingles('  ').size).toBe(0);
  });

  it('is 1 for the same text, 0 for nothing in common, symmetric in between', () => {
    expect(similarity(sample, sample)).toBe(1);
    expect(similarity('the cat sat on the mat', 'dogs bark loudly at night time')).toBe(0);
    expect(similarity('', '')).toBe(0);
    const a = 'one two three four five';
    const b = 'one two three four six';
    // shingles: {123, 234, 345} vs {123, 234, 346}: 2 common of 4.
    expect(similarity(a, b)).toBe(0.5);
    expect(similarity(b, a)).toBe(0.5);
  });

  it('warns when the story is the sample with the blanks filled in', () => {
    const filled = sample
      .replace('[type of cancer]', 'bowel cancer')
      .replace('[month and year]', 'March 2026')
      .replace('[number]', 'twelve')
      .replace('[hospital]', 'St Elsewhere');
    const warning = storyWarning(filled, SAMPLE_STORIES);
    expect(warning).toMatchObject({ code: 'story_too_close_to_sample' });
    expect(warning?.similarity).toBeGreaterThan(0.5);
  });

  it('does not warn for a story in the supporter’s own words', () => {
    const own =
      'My GP referred me urgently in June after a lump was found. Nobody from the hospital called for eleven weeks, and when they did my scan was cancelled twice. ' +
      'I am frightened that the cancer has spread while I waited.';
    expect(storyWarning(own, SAMPLE_STORIES)).toBeNull();
  });

  it('uses the threshold given', () => {
    const half = 'one two three four five';
    expect(storyWarning('one two three four six', [half], 0.5)).toBeNull();
    expect(storyWarning('one two three four six', [half], 0.4)?.similarity).toBe(0.5);
  });
});
