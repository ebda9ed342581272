const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The days of a record as ISO dates, as everywhere in the app: the one day, or the first and the last (one above the other in narrow columns). */
export function DateSpan({ start, end, stacked = false }: { start: string; end: string; stacked?: boolean }) {
  if (start === end) return <span style={NOWRAP}>{start}</span>;
  if (stacked)
    return (
      <span style={{ ...NOWRAP, lineHeight: 1.35, display: 'inline-block' }}>
        {start}
        <br />– {end}
      </span>
    );
  return <span style={NOWRAP}>{`${start} – ${end}`}</span>;
}
