import type { Orientation, PaperSize } from '../../domain/briefings/print-layout.ts';

/** What the user chose for the printed map. */
export interface PrintSettings {
  paper: PaperSize;
  orientation: Orientation;
  /** 图名. */
  title: string;
  /** 制图单位; empty leaves it off. */
  producer: string;
  /** 制图日期, as the user wants it printed. */
  date: string;
  /** 审图号; empty leaves it off. */
  reviewNumber: string;
  /** Adds the 内部资料 watermark. */
  watermark: boolean;
}
