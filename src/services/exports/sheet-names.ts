// Excel's rules for sheet names: at most 31 characters, none of []:*?/\, no leading or trailing
// apostrophe, unique regardless of case.

const MAX = 31;

function clip(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** A valid sheet name from `base`, made unique against (and added to) `used` with a ` (2)` suffix if needed. */
export function uniqueSheetName(base: string, used: Set<string>): string {
  const printable = [...base].filter((ch) => ch.charCodeAt(0) >= 32).join('');
  const clean =
    printable
      .replace(/[[\]:*?/\\]/g, '_')
      .trim()
      .replace(/^'+|'+$/g, '') || 'Sheet';
  let name = clip(clean, MAX);
  for (let n = 2; used.has(name.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    name = clip(clean, MAX - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}
