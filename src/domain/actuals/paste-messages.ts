/**
 * Why a paste or a cell was refused, as a message id plus parameters. The UI words them from its
 * i18n dictionaries (`messages.actuals.<id after the dot>`, placeholders `{name}`), so no
 * sentence is fixed here in any language.
 */

/** A pasted block that cannot be read at all. */
export type PasteRejection =
  /** No tab in the block and a comma that may be a separator or a thousands separator. */
  | { id: 'actuals.pasteAmbiguousComma'; params: { line: number } }
  /** A quoted cell is never closed, so rows cannot be told apart. */
  | { id: 'actuals.pasteUnclosedQuote'; params: { line: number } };

/** A cell that cannot be stored, with what the planner needs to fix it. */
export type CellRejection =
  /** Text where a number belongs (`text` is the cell as pasted, shortened). */
  | { id: 'actuals.notANumber'; params: { text: string } }
  /** A unit after the number that is not the indicator's (e.g. 万元 for 万元/亩). */
  | { id: 'actuals.unitMismatch'; params: { unit: string; expected: string } }
  /** A negative value for an indicator that cannot be negative (亩, 万吨标煤, counts). */
  | { id: 'actuals.negative'; params: { value: number } }
  /** The indicator has no target for this area and year, so there is nothing to compare with. */
  | { id: 'actuals.noTargetForYear'; params: { indicatorId: string; year: number } }
  /** A district label or code MuAtlas does not know (for this city). */
  | { id: 'actuals.unknownDistrict'; params: { district: string } }
  /** A column header that is not an indicator. */
  | { id: 'actuals.unknownIndicator'; params: { indicator: string } }
  /** A year header that is not a plan year. */
  | { id: 'actuals.badYear'; params: { year: string } }
  /** The pasted block reaches past the table it was pasted into. */
  | { id: 'actuals.outsideTable'; params: Record<string, never> }
  /** A second cell for the same indicator, area and year (the first is at row/column). */
  | { id: 'actuals.duplicateCell'; params: { row: number; column: number } };

/** Every message id the actuals flow can emit, for the i18n dictionaries to cover. */
export type ActualsMessageId = PasteRejection['id'] | CellRejection['id'];
