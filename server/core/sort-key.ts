// How Chinese lists are expected to sort: by pinyin (丁 ding before 于 yu before 张 zhang), with
// numbers in their natural order (高一(2)班 before 高一(10)班), not by code point.
import { pinyin } from 'pinyin-pro';

const DIGITS = /\d+/g;

export function sortKey(text: string): string {
  const syllables = pinyin(text.normalize('NFKC'), { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  return syllables
    .join(' ')
    .toLowerCase()
    .replace(DIGITS, (d) => d.replace(/^0+(?=\d)/, '').padStart(10, '0'))
    .slice(0, 500);
}
