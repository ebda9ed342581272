import type { RecordKind } from '../../../shared/kinds/record-kind.ts';
import type { UndatedStep, WorkflowDescription } from '../../components/workflow-description.ts';
import type { KindRecord } from './kind-record.ts';

/** The usual path: from the first state, each state's first step, until a state with none. */
export function usualPath(kind: RecordKind): string[] {
  const path = [kind.initial];
  for (let next = kind.transitions[kind.initial]?.[0]; next !== undefined && !path.includes(next); next = kind.transitions[next]?.[0]) path.push(next);
  return path;
}

/**
 * The workflow card's description of a kind, read from its description: the path its first steps
 * draw (each state with the date its step records), the steps off it in red, the office's steps,
 * a step that records no date taken at once; its words are the kind's messages (kindMessages).
 */
export function kindWorkflow(kind: RecordKind): WorkflowDescription<string, KindRecord> {
  const path = usualPath(kind);
  const stepped = [...new Set(Object.values(kind.transitions).flat())];
  // per step, what its rule says (a step with no rule says nothing)
  const bySteps = (read: (s: string) => string | undefined) =>
    Object.fromEntries(stepped.flatMap((s) => {
      const value = read(s);
      return value === undefined ? [] : [[s, value]];
    })) as Record<string, string>;
  const dated = bySteps((s) => kind.steps[s]?.records?.[0]);
  const notBefore = bySteps((s) => kind.steps[s]?.notBefore?.date);
  const notAfter = bySteps((s) => kind.steps[s]?.notAfter?.date);
  const undated = Object.fromEntries(stepped.filter((s) => !(s in dated)).map((s): [string, UndatedStep] => [s, { confirm: null }]));
  return {
    prefix: kind.path,
    entity: kind.policy,
    transitions: kind.transitions,
    officeSteps: kind.officeOnly,
    statusLabels: kind.statusLabels,
    path,
    dateOf: dated,
    pathWhenOff: 'stop',
    forward: path.slice(1),
    danger: kind.states.filter((s) => !path.includes(s)),
    undated,
    notBefore,
    notAfter,
    proposeRecorded: dated,
    messages: {
      title: 'kinds.workflow',
      to: `${kind.audit}.to`,
      // a step asks for the date it records, labelled as that field (kindMessages)
      on: `${kind.audit}.on`,
      onIsPrefix: true,
      stepDone: 'kinds.stepDone',
      noNext: 'kinds.noNext',
      officeOnly: 'kinds.officeOnly',
    },
  };
}
