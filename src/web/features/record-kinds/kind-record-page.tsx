import type { RecordKind } from '../../../shared/kinds/record-kind.ts';
import { RecordDetails } from '../../components/record-details.tsx';
import { RecordForm } from '../../components/record-form.tsx';
import { RecordPage } from '../../components/record-page.tsx';
import { StatusTag } from '../../components/status-tags.tsx';
import { WorkflowCard } from '../../components/workflow-card.tsx';
import { DataMessages, useI18n } from '../../lib/i18n.tsx';
import { primaryName } from '../../lib/names.ts';
import { fieldValue, kindFormValues, namesOf } from './kind-fields.tsx';
import { kindParts, type KindParts } from './kind-parts.ts';

/**
 * One record of a kind described by its fields: its details (a long text under the others) or
 * its form, its workflow card, its history; edit where its state is not frozen, delete where
 * its state allows, each only for a role that may (RecordPage, WorkflowCard).
 */
export function KindRecordPage({ kind }: { kind: RecordKind }) {
  const parts = kindParts(kind);
  return (
    <DataMessages messages={parts.messages}>
      <KindRecord parts={parts} />
    </DataMessages>
  );
}

function KindRecord({ parts }: { parts: KindParts }) {
  const { locale } = useI18n();
  const { kind, contract, api, prefix, paths, workflow, statusTags, layout } = parts;
  const long = kind.fields.filter((f) => f.type.is === 'text');
  const rows = kind.fields.filter((f) => f.type.is !== 'text');
  const named = kind.fields.filter((f) => f.type.is === 'institution');

  return (
    <RecordPage
      kind={{ entity: kind.policy, resource: api, schema: contract.Input, messages: prefix, toFormValues: (r) => kindFormValues(kind, r), listPath: paths.list }}
      header={(r) => ({
        title: (
          <>
            {String(r[kind.title] ?? '')} <StatusTag status={r.status} tags={statusTags} />
          </>
        ),
        subtitle: kind.name.one[locale],
      })}
      details={(r) => <RecordDetails record={r} labels={`${prefix}.field`} rows={rows.map((f) => ({ field: f.name, value: fieldValue(r, f, locale) }))} after={long.map((f) => f.name)} />}
      editForm={(props, r) => (
        <RecordForm
          {...props}
          layout={layout}
          saveTestId={`${kind.path}-save`}
          currentLabels={Object.fromEntries(named.map((f) => {
            const names = namesOf(r, f);
            return [f.name, names ? primaryName(names, locale) : null];
          }))}
        />
      )}
      below={(r) => <WorkflowCard record={r} workflow={workflow} useTransition={api.useTransition} />}
      mayEdit={(r) => !kind.frozen.includes(r.status)}
      mayDelete={(r) => kind.deletable.includes(r.status)}
    />
  );
}
