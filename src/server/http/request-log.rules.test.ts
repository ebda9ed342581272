import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lineBatcher } from './request-log.ts';

const info = (n: number) => `{"level":30,"time":1,"requestId":"r${n}","route":"/api/health"}\n`;

describe('the log written in batches', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('keeps info lines for a moment and writes them together, in order', () => {
    const writes: string[] = [];
    const log = lineBatcher((text) => void writes.push(text));
    log.write(info(1));
    log.write(info(2));
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(writes).toEqual([info(1) + info(2)]);
    vi.advanceTimersByTime(1000);
    expect(writes).toHaveLength(1);
  });

  it('writes a warning or an error at once, after the lines that wait', () => {
    const writes: string[] = [];
    const log = lineBatcher((text) => void writes.push(text));
    log.write(info(1));
    const warn = '{"level":40,"time":1,"msg":"readiness: the database does not answer"}\n';
    log.write(warn);
    expect(writes).toEqual([info(1) + warn]);
    const fatal = '{"level":60,"time":1,"msg":"down"}\n';
    log.write(fatal);
    expect(writes).toEqual([info(1) + warn, fatal]);
  });

  it('writes when enough waits, without waiting for the timer, and on flush', () => {
    const writes: string[] = [];
    const log = lineBatcher((text) => void writes.push(text));
    let sent = 0;
    while (writes.length === 0) log.write(info((sent += 1)));
    expect(sent).toBeGreaterThan(10);
    expect(writes[0]!.split('\n').filter(Boolean)).toHaveLength(sent);
    log.write(info(0));
    log.flush();
    expect(writes[1]).toBe(info(0));
  });
});
