/**
 * Text a spreadsheet would take for a formula (or DDE) once a clerk edits the cell or saves the sheet as CSV:
 * a leading apostrophe keeps it text (OWASP's CSV-injection advice). Applies to any text a person typed.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
