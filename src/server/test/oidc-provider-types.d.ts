// The few parts of `oidc-provider` (a test-only dependency that ships no types) the tests use.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface KoaContext {
    path: string;
    body: unknown;
  }

  interface Account {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: {
      clients: Array<Record<string, unknown>>;
      jwks: { keys: unknown[] };
      claims?: Record<string, string[]>;
      scopes?: string[];
      cookies?: { keys: string[] };
      features?: Record<string, { enabled: boolean }>;
      findAccount(ctx: unknown, id: string): Promise<Account | undefined>;
    });
    use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
