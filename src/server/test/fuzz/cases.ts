import { hostileValues } from './hostile.ts';
import type { Hostile } from './requests.ts';
import type { RouteSpec } from './routes.ts';
import { conforms } from './schema.ts';

const within = (a: Array<string | number>, b: Array<string | number>) => a.length <= b.length && a.every((x, i) => b[i] === x);

/** Hostile values sent in one request: all allowed by the schema, or all refused by it. */
export interface Group {
  allowed: boolean;
  hostile: Hostile[];
}

/**
 * The hostile cases of one route, one request per location, class and verdict of the schema
 * (a parent and its own property never in the same request). A group the schema refuses must
 * be refused naming each field; a group it allows that is refused or fails is split and each
 * value sent alone, with every other field valid, so it reaches the service and the database.
 */
export function casesOf(route: RouteSpec): Group[] {
  const groups = new Map<string, Group[]>();
  for (const field of route.fields) {
    for (const value of hostileValues(field, `${route.method} ${route.url} ${field.location}:${field.name}`)) {
      const allowed = conforms(field.schema, value.value, value.kind === 'text');
      // Megabyte values go one by one: many at once would be a test of megabytes, not of the field.
      const key = `${field.location} ${value.cls} ${allowed} ${value.cls === 'megabyte' ? field.name : ''}`;
      const layers = groups.get(key) ?? [];
      const layer = layers.find((l) => !l.hostile.some((h) => within(h.field.path, field.path) || within(field.path, h.field.path)));
      if (layer) layer.hostile.push({ field, value });
      else layers.push({ allowed, hostile: [{ field, value }] });
      groups.set(key, layers);
    }
  }
  return [...groups.values()].flat();
}
