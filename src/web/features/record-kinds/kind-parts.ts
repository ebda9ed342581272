import type { LinkProps } from '@tanstack/react-router';
import { recordContract, filterKeys, type RecordContract } from '../../../shared/kinds/record-contract.ts';
import type { Labels, RecordKind } from '../../../shared/kinds/record-kind.ts';
import type { StatusTagSet } from '../../components/status-tags.tsx';
import type { WorkflowDescription } from '../../components/workflow-description.ts';
import type { FormLayout } from '../../lib/field-spec.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import { querySearch, type ListSearch } from '../../lib/url-search.ts';
import { kindLayout } from './kind-fields.tsx';
import { kindMessages } from './kind-messages.ts';
import type { KindRecord } from './kind-record.ts';
import { kindWorkflow } from './kind-workflow.ts';

/** A kind's list state in the URL: its query's keys (status, each filter, search, sort, page). */
export interface KindSearch extends ListSearch {
  [key: string]: string | number | undefined;
}

type Path = NonNullable<LinkProps['to']>;
type Values = Record<string, unknown>;

/** The query hooks of one kind (created once per kind). */
function kindApi(kind: RecordKind) {
  const filters = ['status', ...kind.fields.filter((f) => f.filter).flatMap(filterKeys)];
  return createResourceHooks<KindRecord, Values, Values & { version: number }, KindSearch, Values>(kind.path, kind.audit, { filters });
}

/** A kind's status as a tag: the state a record starts in blue, a state that freezes it grey, any other green. */
function statusTags(kind: RecordKind): StatusTagSet<string, never> {
  const colour = (s: string) => (s === kind.initial ? 'blue' : kind.frozen.includes(s) ? 'default' : 'green');
  return { labels: kind.statusLabels, colours: Object.fromEntries(kind.states.map((s) => [s, colour(s)])), testId: `${kind.path}-status` };
}

/** What the web reads of a kind, derived once from its description. */
export interface KindParts {
  kind: RecordKind;
  contract: RecordContract;
  api: ReturnType<typeof kindApi>;
  /** The kind's own words as messages (kindMessages), for DataMessages. */
  messages: Readonly<Record<string, Labels>>;
  /** The message prefix of those words: the kind's audit entity, as the history reads its fields. */
  prefix: string;
  workflow: WorkflowDescription<string, KindRecord>;
  statusTags: StatusTagSet<string, never>;
  /** Its create and edit form. */
  layout: FormLayout;
  /** Its pages. The router builds them from the registry, so their paths are not literal types: they are named here once. */
  paths: { list: Path; create: Path; record: Extract<Path, `${string}/$id`> };
  /** Reads the list's URL params (the contract's query less its format). */
  validateSearch: (raw: Record<string, unknown>) => KindSearch;
}

const known = new WeakMap<RecordKind, KindParts>();

/** The parts of a kind's pages: its contract, API hooks, words, workflow, paths and URL state, made once per kind. */
export function kindParts(kind: RecordKind): KindParts {
  const made = known.get(kind);
  if (made) return made;
  const contract = recordContract(kind);
  const parts: KindParts = {
    kind,
    contract,
    api: kindApi(kind),
    messages: kindMessages(kind),
    prefix: kind.audit,
    workflow: kindWorkflow(kind),
    statusTags: statusTags(kind),
    layout: kindLayout(kind),
    paths: { list: `/${kind.path}` as Path, create: `/${kind.path}/new` as Path, record: `/${kind.path}/$id` as Extract<Path, `${string}/$id`> },
    validateSearch: querySearch(contract.Query) as (raw: Record<string, unknown>) => KindSearch,
  };
  known.set(kind, parts);
  return parts;
}
