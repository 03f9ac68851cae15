// Deep merge of locale trees. A key defined twice is a mistake that would silently hide one
// translation, so it throws (the locale test runs this over every module's files).
export type LocaleTree = { [key: string]: string | LocaleTree };

export function mergeLocales(base: LocaleTree, ...parts: LocaleTree[]): LocaleTree {
  const out: LocaleTree = structuredClone(base);
  for (const part of parts) mergeInto(out, part, '');
  return out;
}

function mergeInto(target: LocaleTree, source: LocaleTree, prefix: string): void {
  for (const [key, value] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const existing = target[key];
    if (existing === undefined) target[key] = structuredClone(value);
    else if (typeof existing === 'object' && typeof value === 'object') mergeInto(existing, value, path);
    else throw new Error(`locale key defined twice: ${path}`);
  }
}
