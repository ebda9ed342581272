import type { Application, ApplicationStatus } from '../../../shared/contracts/exchanges.ts';
import { APPLICATION_TRANSITIONS } from '../../../shared/contracts/exchanges.ts';
import { APPLICATION_STATUS_LABELS } from '../../../shared/i18n/exchange-labels.ts';
import type { WorkflowDescription } from '../../components/workflow-description.ts';

/** An exchange application's workflow: shortlisted, selected or waitlisted, nominated, departed, returned; each step sent at the version read. */
export const APPLICATION_WORKFLOW: WorkflowDescription<ApplicationStatus, Application> = {
  prefix: 'application',
  entity: 'exchange',
  transitions: APPLICATION_TRANSITIONS,
  statusLabels: APPLICATION_STATUS_LABELS,
  forward: ['selected', 'nominated', 'departed', 'returned'],
  danger: ['rejected', 'withdrawn'],
  messages: { title: 'xchg.workflow', to: 'xchg.to', on: 'xchg.stepOn', onIsPrefix: false, stepDone: 'xchg.stepDone', noNext: 'xchg.noNext', hint: 'xchg.stepConfirm' },
};
