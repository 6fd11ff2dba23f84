/**
 * Reads one cell of a pasted block as a number with an optional unit after it.
 *
 * Accepted: `37`, `-3.5`, `+2`, `.5`, `1.5E+3` (Excel writes large numbers so), thousands
 * separators in groups of three (`12,345.6`), full-width digits and punctuation (`３７．５`), and
 * unit text after the number (`37 万元/亩`, `12%`) — the unit is returned for the caller to check
 * against the indicator; it is never used to rescale.
 * Empty: a blank cell or a dash/slash placeholder (`-`, `--`, `—`, `——`, `/`), which Chinese
 * statistical tables use for "no figure".
 * Text: anything else — a comma that is not a thousands separator (`1,23`, `1.234,5`), a word
 * before the number (`约37`), digits inside the unit, accounting brackets `(12)`.
 */

import { normalisePastedText } from './pasted-block.parser.ts';

export type NumberCell =
  | { kind: 'empty' }
  | {
      kind: 'number';
      value: number;
      /** What followed the number, without spaces (`万元/亩`, `%`); empty when nothing did. */
      unitText: string;
    }
  | { kind: 'text'; text: string };

const PLACEHOLDER = /^(?:-{1,2}|[—―]{1,2}|\/)$/;
const NUMBER_WITH_UNIT =
  /^([+-])?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE]([+-]?\d+))?\s*(.*)$/;
/** A unit starts with a letter or symbol (not a digit or number punctuation) and has no digit. */
const UNIT_TEXT = /^(?:[^\d.,+\-\s][^\d]*)?$/;

/** Parses one pasted cell; see the module comment for what is accepted. */
export function parseNumberCell(raw: string): NumberCell {
  const text = normalisePastedText(raw).trim();
  if (text === '' || PLACEHOLDER.test(text)) return { kind: 'empty' };
  const match = NUMBER_WITH_UNIT.exec(text);
  if (!match) return { kind: 'text', text };
  const [, sign = '', digits = '', exponent, rest = ''] = match;
  const unitText = rest.replace(/\s+/g, '');
  if (!UNIT_TEXT.test(unitText)) return { kind: 'text', text };
  const value = Number(`${sign}${digits.replace(/,/g, '')}${exponent ? `e${exponent}` : ''}`);
  if (!Number.isFinite(value)) return { kind: 'text', text };
  // -0 would print as "-0" and compare oddly; a planner typing -0 means 0.
  return { kind: 'number', value: value === 0 ? 0 : value, unitText };
}
