/**
 * The form in which two division names are compared for uniqueness: trimmed, Unicode
 * NFC-normalized and lower-cased. FerretDB has no collations, so the read model and the
 * name claims store this form instead of relying on a case-insensitive index.
 */
export function normalizeDivisionName(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}
