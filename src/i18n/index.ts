import type { Locale } from '../domain/view-state.ts';
import { en } from './en.ts';
import { zhCN, type Messages } from './zh-CN.ts';

export type { Messages };

const DICTIONARIES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

/** The dictionary for a locale. */
export function messagesFor(locale: Locale): Messages {
  return DICTIONARIES[locale];
}

/** Fills `{name}` placeholders in a message. */
export function format(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
