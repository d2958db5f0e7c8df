import { describe, expect, it } from 'vitest';
import { seededRandom } from '../model/random.js';
import { nameMatches, ORGAN, organsIn } from './organ.js';

describe('organ names in the body', () => {
  it('finds the names a run of prose holds, each once and whole', () => {
    expect(organsIn('根据工作安排，某某县交通运输局会同某某县财政局开展检查。')).toEqual([
      '某某县交通运输局',
      '某某县财政局',
    ]);
  });

  it('matches where the expression over the whole run matches, and nowhere else', () => {
    // ORGAN over the whole run is what organMatches ran before. Runs of a few ideographs, place words and organ words, in random order and length.
    const alphabet = [...'甲乙丙丁戊己庚辛壬癸的了在省市区县街道局委员会办公室政府中心处'];
    const random = seededRandom(4242);
    for (let n = 0; n < 3000; n += 1) {
      const length = 1 + Math.floor(random() * 60);
      let run = '';
      for (let i = 0; i < length; i += 1) run += alphabet[Math.floor(random() * alphabet.length)];
      const expected = [...run.matchAll(ORGAN)].map((match) => ({ name: match[0], index: match.index }));
      expect(nameMatches(run)).toEqual(expected);
    }
  });
});
