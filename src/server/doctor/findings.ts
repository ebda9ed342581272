/** How a check came out: `fail` stops a production start or loses data; `warn` is a risk to fix; `info` is worth knowing. */
export type Status = 'ok' | 'info' | 'warn' | 'fail';

/** One thing `interchange doctor` looked at, and what it found, in words an IT department acts on. */
export interface Finding {
  check: string;
  status: Status;
  message: string;
}

/** Shorthand for a finding. */
export const finding = (check: string, status: Status, message: string): Finding => ({ check, status, message });

const MARK: Record<Status, string> = { ok: 'ok  ', info: 'info', warn: 'WARN', fail: 'FAIL' };

/** The findings as lines of text, one a finding, and a last line counting what needs doing. */
export function formatFindings(findings: Finding[]): string {
  const width = Math.max(...findings.map((f) => f.check.length));
  const lines = findings.map((f) => `${MARK[f.status]}  ${f.check.padEnd(width)}  ${f.message}`);
  const fails = findings.filter((f) => f.status === 'fail').length;
  const warns = findings.filter((f) => f.status === 'warn').length;
  lines.push('', fails || warns ? `${fails} problem(s) to fix before production, ${warns} warning(s).` : 'Nothing to fix.');
  return lines.join('\n');
}
