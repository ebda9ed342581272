import type { RecordKind } from '../../../shared/kinds/record-kind.ts';
import { CreatePage } from '../../components/create-page.tsx';
import { RecordForm } from '../../components/record-form.tsx';
import { DataMessages } from '../../lib/i18n.tsx';
import { kindParts } from './kind-parts.ts';
import type { KindRecord } from './kind-record.ts';

/** A new record of a kind described by its fields: its form, then the new record's page. */
export function KindCreatePage({ kind }: { kind: RecordKind }) {
  const { messages, prefix, paths, api, contract, layout } = kindParts(kind);
  return (
    <DataMessages messages={messages}>
      <CreatePage<KindRecord, typeof contract.Input, Record<string, unknown>> entity={kind.policy} messages={prefix} record={paths.record} list={paths.list} resource={api} schema={contract.Input}>
        {(binding) => <RecordForm {...binding} layout={layout} saveTestId={`${kind.path}-save`} />}
      </CreatePage>
    </DataMessages>
  );
}
