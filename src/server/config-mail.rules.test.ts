import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the mail settings', () => {
  it('are read when right', () => {
    const config = readConfig({ INTERCHANGE_SMTP_URL: 'smtp://ie:secret@mail.school.edu.cn:587', INTERCHANGE_MAIL_FROM: 'Interchange <ie@school.edu.cn>', INTERCHANGE_JOBS_CHECK_SECONDS: '5' });
    expect(config).toMatchObject({ smtpUrl: 'smtp://ie:secret@mail.school.edu.cn:587', mailFrom: 'Interchange <ie@school.edu.cn>', jobsCheckSeconds: 5 });
    expect(readConfig({})).toMatchObject({ smtpUrl: null, mailFrom: null, jobsCheckSeconds: 60 });
  });

  it('say what is wrong with each bad variable, one line each, never a password', () => {
    const lines = problems({ INTERCHANGE_SMTP_URL: 'http://ie:hunter2@mail.example.org', INTERCHANGE_MAIL_FROM: 'not an address', INTERCHANGE_JOBS_CHECK_SECONDS: '0' });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^INTERCHANGE_SMTP_URL=.* is not a mail server address/);
    expect(lines[0]).not.toContain('hunter2');
    expect(lines[1]).toMatch(/^INTERCHANGE_MAIL_FROM=.* is not a mail address/);
    expect(lines[2]).toMatch(/^INTERCHANGE_JOBS_CHECK_SECONDS=.* must be between 1 and 3600/);
  });

  it('want a sender with a mail server', () => {
    expect(problems({ INTERCHANGE_SMTP_URL: 'smtp://mail.example.org:25' })).toEqual(['INTERCHANGE_MAIL_FROM is required when INTERCHANGE_SMTP_URL is set: the sender of every message']);
    expect(problems({ INTERCHANGE_MAIL_FROM: 'ie@school.edu.cn\nBcc: x@y.z' })).toHaveLength(1);
  });
});
