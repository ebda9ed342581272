/** What the import page sends beside the file, as the API's query string (the body is the file). */
export interface ImportChoices {
  encoding?: string;
  dayOrder?: 'day-first' | 'month-first';
  /** Per row number: skip it, create it anew, or merge it into the record with this id. */
  decisions?: Record<number, 'skip' | 'create' | number>;
  /** The conference a file of attendees is added to (the conference page's link). */
  conference?: number;
}

/** The query string of a preview or a commit; an empty choice is left out, so the server's detection applies. */
export function importQuery(choices: ImportChoices): string {
  const params = new URLSearchParams();
  if (choices.encoding) params.set('encoding', choices.encoding);
  if (choices.dayOrder) params.set('dayFirst', String(choices.dayOrder === 'day-first'));
  if (choices.decisions && Object.keys(choices.decisions).length) params.set('decisions', JSON.stringify(choices.decisions));
  if (choices.conference !== undefined) params.set('conference', String(choices.conference));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A row of the preview as the page reads it. */
export interface PreviewRow {
  rowNumber: number;
  class: 'new' | 'update' | 'duplicate' | 'error';
  values: Record<string, unknown>;
  matches: Array<{ id?: number; row?: number; label: string; reason: string }>;
  problems: Array<{ column: string; message: string }>;
  /** Rows that make one record together (a visit's visitors): the group's first row, and the record on file it is already. */
  group?: { first: number; onFile?: number };
}

/** The decision a row starts with: a possible duplicate is skipped until the user merges or creates it. */
export function initialDecision(row: PreviewRow): 'skip' | 'create' | number | undefined {
  return row.class === 'duplicate' && !isOnFile(row) ? 'skip' : undefined;
}

/** A row of a record already on file (a visit imported before): nothing to decide, it is not imported again. */
export function isOnFile(row: PreviewRow): boolean {
  return row.group?.onFile !== undefined;
}
