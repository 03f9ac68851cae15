// Matching the headers people actually type to the fields a module imports. Each module
// declares its fields once (canonical Chinese header for exports and templates, plus aliases);
// matching is done on a normalised form so '姓 名', '姓名*', '姓名（必填）' and 'Name' all work.

export interface FieldSpec {
  /** Key the module uses, e.g. 'name'. */
  key: string;
  /** Canonical Chinese header, used in exports and templates, e.g. '姓名'. */
  header: string;
  /** Other headers accepted on import, Chinese and English, e.g. ['名字', 'Name']. */
  aliases: string[];
  required?: boolean;
}

/** One column of the file: its header text as written and the field it feeds, if any. */
export interface ColumnMatch {
  header: string;
  field: string | null;
}

// Markers templates put around a header to say whether it is required. They carry no meaning
// for matching. Applied after NFKC, so full-width （必填） and ＊ arrive here as (必填) and *;
// [必填] and 【必填】 are accepted too.
const TRAILING_MARKERS = /(?:\*|:|[([【](?:必填|选填|可选|非必填|required|optional)[)\]】])+$/u;
const LEADING_MARKERS = /^\*+/u;

/**
 * NFKC (full-width letters, digits and brackets become ASCII), lower-case, no whitespace at all
 * (including the ideographic space and line breaks inside a cell), then required/optional
 * markers and a trailing colon stripped.
 */
export function normaliseHeader(h: string): string {
  let s = h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b\ufeff]+/gu, '');
  s = s.replace(LEADING_MARKERS, '');
  // The markers can stack ('姓名(必填)*:'), the regex consumes them all in one go.
  s = s.replace(TRAILING_MARKERS, '');
  return s;
}

/** Normalised header or alias → field key. The first field to claim a spelling keeps it. */
export function headerLookup(fields: readonly FieldSpec[]): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const f of fields) {
    for (const name of [f.header, ...f.aliases]) {
      const n = normaliseHeader(name);
      if (n !== '' && !lookup.has(n)) lookup.set(n, f.key);
    }
  }
  return lookup;
}

/**
 * One ColumnMatch per header, in order. A field is fed by at most one column: when two columns
 * both say '姓名', the first wins and the second is treated as unknown (field null), so a row
 * value is never silently taken from the "wrong" duplicate.
 */
export function mapHeaders(headers: readonly string[], fields: readonly FieldSpec[]): ColumnMatch[] {
  const lookup = headerLookup(fields);
  const used = new Set<string>();
  return headers.map((header) => {
    const key = lookup.get(normaliseHeader(header));
    if (key === undefined || used.has(key)) return { header, field: null };
    used.add(key);
    return { header, field: key };
  });
}

/** Keys of required fields that no column feeds. */
export function missingRequired(columns: readonly ColumnMatch[], fields: readonly FieldSpec[]): string[] {
  const present = new Set(columns.map((c) => c.field).filter((f): f is string => f !== null));
  return fields.filter((f) => f.required && !present.has(f.key)).map((f) => f.key);
}
