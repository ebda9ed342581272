/**
 * A browser as far as sign-in needs one, over real HTTP: it keeps cookies (by name, per
 * host) and follows redirects itself, so that a test can stop at any hop and tamper with it.
 */
export class BrowserJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  /** The cookie header this browser sends to `url`'s host. */
  cookieHeader(url: URL): string {
    return [...(this.cookies.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** One request, no redirect followed; remembers what it sets (an expired cookie is forgotten). */
  async request(url: URL, init: { method?: string; body?: URLSearchParams; headers?: Record<string, string> } = {}): Promise<Response> {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(url), ...(init.headers ?? {}) },
      ...(init.body ? { body: init.body } : {}),
    });
    const jar = this.cookies.get(url.host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\b/i.test(a));
      if (expired) jar.delete(name);
      else jar.set(name, pair!.slice(at + 1).trim());
    }
    this.cookies.set(url.host, jar);
    return response;
  }

  /** Follows redirects from `url` until an answer that is not one, or a URL `stop` says not to fetch. */
  async follow(url: URL, stop: (url: URL) => boolean, init: { method?: string; body?: URLSearchParams } = {}): Promise<{ url: URL; response: Response | null }> {
    let current = url;
    let request = init;
    for (let hop = 0; hop < 20; hop += 1) {
      if (stop(current)) return { url: current, response: null };
      const response = await this.request(current, request);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      current = new URL(location, current);
      request = {};
    }
    throw new Error(`more than 20 redirects from ${url.href}`);
  }
}
