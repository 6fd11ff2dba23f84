/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-letter
 * alphabet (digits and capitals without I, O, Z, S, V); the 18th is a check character computed
 * from the first 17 with weights 3^i mod 31.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 18 characters of {@link ALPHABET}. */
const CODE_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeCheck =
  | { valid: true; code: string }
  | { valid: false; reason: 'creditCodeFormat' | 'creditCodeCheckDigit' };

/** Upper-cases, turns full-width letters and digits into ASCII and drops spaces. */
export function normaliseCreditCode(text: string): string {
  if (CODE_SHAPE.test(text)) return text;
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** The check character GB 32100 gives for the first 17 characters, or undefined if unreadable. */
export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] as string);
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] as number);
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Checks a credit code as typed; on success returns it normalised. */
export function checkCreditCode(text: string): CreditCodeCheck {
  const code = normaliseCreditCode(text);
  if (!CODE_SHAPE.test(code)) {
    return { valid: false, reason: 'creditCodeFormat' };
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return { valid: false, reason: 'creditCodeCheckDigit' };
  }
  return { valid: true, code };
}
