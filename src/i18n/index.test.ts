import { describe, expect, it, vi } from 'vitest';

describe('dictionaries', () => {
  it('loads English on demand and refuses a locale not yet loaded', async () => {
    vi.resetModules();
    const i18n = await import('./index.ts');
    expect(i18n.messagesFor('zh-CN').region.huzhou).toBe('湖州');
    expect(() => i18n.messagesFor('en')).toThrow(/not loaded/);
    const en = await i18n.loadMessages('en');
    expect(i18n.messagesFor('en')).toBe(en);
    expect(en.region.huzhou).toBe('Huzhou');
  });
});
