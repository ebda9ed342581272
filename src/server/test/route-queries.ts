/**
 * The query string a GET route needs before it answers 200 at all: a search term, a grouping,
 * a year. Route-table sweeps (the access matrix, unit isolation, personal data) share it, so a
 * new route that needs one is taught here once.
 */
export function requiredQuery(url: string, term: string): string {
  switch (url) {
    case '/api/catalogue':
    case '/api/search':
      return `q=${encodeURIComponent(term)}`;
    case '/api/reports/breakdown':
      return 'by=country';
    case '/api/reports/year-in-review':
      return 'year=2024';
    case '/api/national-statistics/comparison':
      return 'year=112';
    default:
      return '';
  }
}

/** `url` with its required query, if any. */
export function withRequiredQuery(url: string, term: string): string {
  const query = requiredQuery(url, term);
  return query ? `${url}?${query}` : url;
}
