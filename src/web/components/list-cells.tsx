import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { CountryName } from './country-select.tsx';

/** How many names a list cell shows before it says there are more. */
export const NAMES_SHOWN = 3;

/** A count over the first few names (a mission's members, a delegation), for a list's cell. */
export function CountAndNames({ count, names, more }: { count: ReactNode; names: string[]; more: string }) {
  return (
    <div style={{ lineHeight: 1.35 }}>
      <div>{count}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
        {names.slice(0, NAMES_SHOWN).join(' · ')}
        {more}
      </Typography.Text>
    </div>
  );
}

/** Countries and regions, each once, in the order first met, named in the interface language. */
export function CountryList({ codes }: { codes: string[] }) {
  return (
    <>
      {[...new Set(codes)].map((code, i) => (
        <span key={code}>
          {i > 0 ? ', ' : ''}
          <CountryName code={code} />
        </span>
      ))}
    </>
  );
}
