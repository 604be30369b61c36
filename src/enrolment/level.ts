import { LEVELS, type Level } from './types.js';
import { cleanLine } from './text.js';

/**
 * Words officials actually type for their level, mapped to a `Level`. People rarely know the post-2019
 * names (pengawas/administrator/JPT) and answer with the old echelon, a roman numeral, or a typo such as
 * "esselon"; accepting those saves a round trip through the wizard.
 */
const ALIASES: Readonly<Record<string, Level>> = {
  pelaksana: 'pelaksana',
  'jabatan pelaksana': 'pelaksana',
  staf: 'pelaksana',
  staff: 'pelaksana',
  'staf pelaksana': 'pelaksana',
  'non eselon': 'pelaksana',
  'noneselon': 'pelaksana',
  executor: 'pelaksana',
  fungsional: 'fungsional',
  'jabatan fungsional': 'fungsional',
  jf: 'fungsional',
  jft: 'fungsional',
  functional: 'fungsional',
  pengawas: 'pengawas',
  'jabatan pengawas': 'pengawas',
  supervisor: 'pengawas',
  administrator: 'administrator',
  'jabatan administrator': 'administrator',
  'pimpinan tinggi': 'pimpinan_tinggi',
  'jabatan pimpinan tinggi': 'pimpinan_tinggi',
  jpt: 'pimpinan_tinggi',
  'jpt pratama': 'pimpinan_tinggi',
  'jpt madya': 'pimpinan_tinggi',
  'jpt utama': 'pimpinan_tinggi',
  'high leadership': 'pimpinan_tinggi',
  'senior executive': 'pimpinan_tinggi',
};

const ECHELON_TO_LEVEL: Readonly<Record<string, Level>> = {
  '1': 'pimpinan_tinggi',
  '2': 'pimpinan_tinggi',
  '3': 'administrator',
  '4': 'pengawas',
};

const ROMAN: Readonly<Record<string, string>> = { i: '1', ii: '2', iii: '3', iv: '4' };

/**
 * Normalises what a user typed (or a button value) to a `Level`, or `null` when it is not recognisable.
 *
 * @example normaliseLevel('Eselon III') // 'administrator'
 * @example normaliseLevel('esselon iv.a') // 'pengawas'
 */
export function normaliseLevel(input: string): Level | null {
  const text = cleanLine(input)
    .toLowerCase()
    .replace(/[_./-]/g, ' ')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if ((LEVELS as readonly string[]).includes(text.replace(/ /g, '_'))) return text.replace(/ /g, '_') as Level;
  const alias = ALIASES[text] ?? ALIASES[text.replace(/ /g, '')];
  if (alias) return alias;

  // eselon / esselon / echelon / es, then 1-4 or I-IV, optionally followed by the a/b grade.
  const echelon = /^(?:e?s+e?l+on|echelon|es)\s*(iv|iii|ii|i|[1-4])\s*([ab])?$/.exec(text);
  if (echelon) {
    const digit = ROMAN[echelon[1] as string] ?? (echelon[1] as string);
    return ECHELON_TO_LEVEL[digit] ?? null;
  }
  return null;
}
