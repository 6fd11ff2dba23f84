import { match } from 'pinyin-pro';

/** Han characters only (GeoNames' alternate names mix scripts). */
const HAN_ONLY = /^\p{Script=Han}+$/u;

/** Administrative suffixes a Chinese alternate name may carry beyond the romanised name. */
const ADMIN_SUFFIXES = ['街道', '镇', '乡', '市', '区', '县'];

/** Lower-case ASCII letters of a romanised name: 'Lüling' → 'luling', 'Chang’an' → 'changan'. */
export function romanKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Whether the whole of `han` reads as the whole of `key` (polyphonic characters allowed). */
function readsAs(han: string, key: string): boolean {
  const indexes = match(han, key, {
    precision: 'every',
    continuous: true,
    space: 'ignore',
    v: true,
  });
  return indexes !== null && indexes.length === han.length;
}

/**
 * The Chinese name of a GeoNames place: the Han alternate name whose pinyin is the place's
 * romanised name, preferring the bare name (湖州) to a suffixed one (湖州市) and, among equals,
 * the first in GeoNames' order. GeoNames lists other places' and historical names among the
 * alternates (织里's entry also lists 织里镇; 苏家庄's lists 杨家埠镇), so a name that does not
 * read as the romanised name is never taken. Empty when none fits.
 */
export function chineseName(romanised: string, alternateNames: readonly string[]): string {
  const key = romanKey(romanised);
  if (key === '') return '';
  const han = alternateNames.filter((name) => HAN_ONLY.test(name));
  const bare = han.find((name) => readsAs(name, key));
  if (bare) return bare;
  const suffixed = han.find((name) =>
    ADMIN_SUFFIXES.some(
      (suffix) =>
        name.endsWith(suffix) &&
        name.length > suffix.length &&
        readsAs(name.slice(0, -suffix.length), key),
    ),
  );
  return suffixed ?? '';
}
