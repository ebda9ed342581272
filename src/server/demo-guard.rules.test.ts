import { describe, expect, it } from 'vitest';
import { demoRefusal, isLoopback } from './demo-guard.ts';

// Issue 15, finding 12: the demo's well-known passwords on an address others can reach.

describe('the demo on a network address', () => {
  it('knows the loopback addresses', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3', '::ffff:127.0.0.1']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'interchange.school.edu', '128.0.0.1']) expect(isLoopback(host), host).toBe(false);
  });

  it('refuses it on any other address unless INTERCHANGE_DEMO=1 was set, and never when the demo is off', () => {
    expect(demoRefusal({ host: '0.0.0.0', demo: true, demoExplicit: false })).toContain('INTERCHANGE_DEMO=1');
    expect(demoRefusal({ host: '0.0.0.0', demo: true, demoExplicit: true })).toBeNull();
    expect(demoRefusal({ host: '0.0.0.0', demo: false, demoExplicit: false })).toBeNull();
    expect(demoRefusal({ host: '127.0.0.1', demo: true, demoExplicit: false })).toBeNull();
  });
});
