/**
 * The ministry's country names matched to the countries list. Its 3-digit country codes are its
 * own, not ISO, so a row is matched by its name, written in traditional Chinese as Taiwan writes
 * it (義大利, 紐西蘭, 寮國): the name is tried as written, converted to simplified characters, and
 * converted with Taiwan's phrases to the mainland's (義大利 → 意大利), then without a "republic"
 * or "kingdom" suffix the list leaves out; a few names Taiwan spells its own way are listed here.
 * Pure: the countries list comes in as data.
 */
import { Converter } from 'opencc-js/t2cn';
import { countryReader, type CountryEntry } from '../imports/import-values.ts';

/** Taiwan's names that no conversion turns into the list's (南韓 for 韩国, 喬治亞 for 格鲁吉亚 …). */
const TAIWAN_NAMES: Readonly<Record<string, string>> = {
  南韓: 'KR',
  孟加拉: 'BD',
  馬拉威: 'MW',
  吉爾吉斯: 'KG',
  喬治亞: 'GE',
  聖文森: 'VC',
  聖克里斯多福: 'KN',
  波士尼亞與赫塞哥維納: 'BA',
  史瓦帝尼王國: 'SZ',
  史瓦帝尼: 'SZ',
  剛果: 'CG',
  剛果民主共和國: 'CD',
};

/** What a state's full name adds to the name the list keeps (塞爾維亞共和國 is 塞尔维亚). */
const SUFFIX = /(民主共和[國国]|共和[國国]|王[國国])$/u;

/** A name matched: its ISO code, and whether it is a region (Hong Kong, Macao, Taiwan). */
export interface CountryMatch {
  code: string;
  isRegion: boolean;
}

let converters: Array<(text: string) => string> | undefined;

/** Built on first use: OpenCC's dictionaries take time to load. */
function conversions(): Array<(text: string) => string> {
  converters ??= [Converter({ from: 't', to: 'cn' }), Converter({ from: 'twp', to: 'cn' })];
  return converters;
}

/** Finds the country or region the ministry names; undefined when the countries list does not know it. */
export function moeCountryMatcher(countries: readonly CountryEntry[]): (name: string) => CountryMatch | undefined {
  const read = countryReader(countries);
  const regions = new Map(countries.map((c) => [c.code, c.isRegion]));
  const known = new Map<string, CountryMatch | undefined>();
  const find = (name: string): string | undefined => {
    const listed = TAIWAN_NAMES[name];
    if (listed && regions.has(listed)) return listed;
    const spellings = [name, ...conversions().map((convert) => convert(name))];
    for (const spelling of spellings) {
      const code = read(spelling);
      if (code) return code;
    }
    for (const spelling of spellings) {
      const bare = spelling.replace(SUFFIX, '');
      const code = bare !== spelling && bare !== '' ? read(bare) : undefined;
      if (code) return code;
    }
    return undefined;
  };
  return (raw) => {
    const name = raw.normalize('NFKC').trim();
    if (!known.has(name)) {
      const code = find(name);
      known.set(name, code ? { code, isRegion: regions.get(code) ?? false } : undefined);
    }
    return known.get(name);
  };
}
