import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Steps, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { officeToday } from '../../shared/calendar.ts';
import { roleMay } from '../../shared/policies.ts';
import { ApiError } from '../lib/api.ts';
import { errorText } from '../lib/errors.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { useCurrentUser } from '../lib/session.ts';
import type { StepInput, WorkflowDescription } from './workflow-description.ts';
import { officeOnlySteps, offeredSteps, proposedStep, stepBody, stepRefusal, textOf, type PendingStep } from './workflow-steps.ts';
import { WorkflowStepDialog } from './workflow-step-dialog.tsx';

type Versioned = { id: number; version: number };

/** What a kind's transition hook offers (each module's `use…Transition`). */
export interface TransitionMutation {
  // the body is the kind's own transition contract: `to`, `on`, `version` and the step's fields
  mutateAsync: (step: never) => Promise<unknown>;
  isPending: boolean;
}

interface WorkflowCardProps<S extends string, R extends Versioned & { status: S }> {
  record: R;
  workflow: WorkflowDescription<S, R>;
  useTransition: (id: number) => TransitionMutation;
  /** The status as a tag, for a workflow drawn without a path. */
  statusTag?: ReactNode;
  /** The report section, shown in the statuses `reportIn` names. */
  report?: ReactNode;
  /** Narrows the policy table for this record (a coordinator's institutional agreement). */
  editable?: boolean;
  /** More actions after the steps (a renewal); "no further step" is then left unsaid when `hideNoNext`. */
  extra?: ReactNode;
  hideNoNext?: boolean;
}


/**
 * Where a record is in its workflow, when its report is due, and the steps it may take next,
 * each confirmed with its date (and whatever the step carries) and sent at the version read.
 * One card for every kind: what differs is its description.
 */
export function WorkflowCard<S extends string, R extends Versioned & { status: S }>(props: WorkflowCardProps<S, R>) {
  const { record: r, workflow: w, useTransition, statusTag, report, extra, hideNoNext = false } = props;
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const transition = useTransition(r.id);
  const [pending, setPending] = useState<PendingStep<S> | null>(null);
  // The server's refusal of the open dialog's step, shown next to the fields it names.
  const [refusal, setRefusal] = useState<ReturnType<typeof stepRefusal> | null>(null);
  const open = (step: PendingStep<S> | null) => {
    setPending(step);
    setRefusal(null);
  };
  const m = (key: string, vars?: Record<string, string | number>) => t(key as MessageKey, vars);
  const status = (s: S) => w.statusLabels[s][locale];
  const toLabel = (s: S) => m(`${w.messages.to}.${s}`);

  const take = async (step: Partial<PendingStep<S>> & { to: S }) => {
    try {
      await (transition.mutateAsync as (body: object) => Promise<unknown>)(stepBody(w, step, r.version));
      void message.success(m(w.messages.stepDone, { status: status(step.to) }));
      open(null);
    } catch (err) {
      const refused = err instanceof ApiError && err.fields.length ? stepRefusal(err.fields) : null;
      if (refused && pending) setRefusal(refused);
      else if (refused) void message.error(`${toLabel(step.to)}: ${[...refused.other, ...Object.values(refused.byField)].join('; ')}`);
      else void message.error(errorText(err, locale));
    }
  };

  const editable = roleMay(user.role, w.entity, 'update') && props.editable !== false;
  const next = editable ? offeredSteps(w, user, r, officeToday()) : [];
  const officeOnly = editable ? officeOnlySteps(w, user, r.status) : [];
  const officeOnlyText = w.messages.officeOnly && officeOnly.length ? m(w.messages.officeOnly, { steps: officeOnly.map(toLabel).join(', ') }) : null;
  const none = w.messages.noNextWhenOfficeOnly ? next.length === 0 : w.transitions[r.status].length === 0;
  const noNext = none && !hideNoNext && (editable || !w.path) ? <Typography.Text type="secondary">{m(w.messages.noNext)}</Typography.Text> : null;
  const end = w.endNotice && r.status === w.endNotice.status ? w.endNotice : null;

  const button = (to: S) => {
    const undated = w.undated?.[to];
    const look = { type: w.forward.includes(to) ? ('primary' as const) : ('default' as const), danger: w.danger.includes(to), 'data-testid': `${w.prefix}-to-${to}` };
    if (!undated) return <Button key={to} {...look} onClick={() => open(proposedStep(w, r, to, officeToday()))}>{toLabel(to)}</Button>;
    const now = <Button key={to} {...look} loading={transition.isPending} onClick={undated.confirm ? undefined : () => void take({ to })}>{toLabel(to)}</Button>;
    return undated.confirm ? <Popconfirm key={to} title={m(undated.confirm)} onConfirm={() => take({ to })}>{now}</Popconfirm> : now;
  };

  return (
    <Card title={m(w.messages.title)} data-testid={w.cardTestId ?? `${w.prefix}-workflow`}>
      {w.path ? <PathSteps record={r} workflow={w} label={status} /> : null}
      {end ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`${status(end.status)} · ${textOf(r, end.on)}`} /> : null}
      {w.deadline ? <Deadline record={r} workflow={w} m={m} /> : null}
      {officeOnlyText && w.messages.officeOnlyAbove ? (
        <Typography.Paragraph type="secondary" data-testid={w.messages.officeOnlyTestId}>
          {officeOnlyText}
        </Typography.Paragraph>
      ) : null}
      {editable || !w.path ? (
        <Flex gap={8} wrap align="center">
          {statusTag}
          {next.map(button)}
          {noNext}
          {officeOnlyText && !w.messages.officeOnlyAbove ? <Typography.Text type="secondary">{officeOnlyText}</Typography.Text> : null}
          {extra}
        </Flex>
      ) : null}
      {report && w.reportIn?.includes(r.status) ? report : null}
      {pending ? (
        <WorkflowStepDialog
          title={toLabel(pending.to)}
          danger={w.danger.includes(pending.to)}
          hint={w.messages.hints?.[pending.to] ? m(w.messages.hints[pending.to] as string) : w.messages.hint ? m(w.messages.hint) : null}
          dateLabel={w.messages.onIsPrefix ? m(`${w.messages.on}.${pending.to}`) : m(w.messages.on)}
          on={pending.on}
          onDateChange={(on) => setPending({ ...pending, on })}
          dateError={refusal?.byField.on}
          problems={refusal?.other}
          saving={transition.isPending}
          onConfirm={() => void take(pending)}
          onCancel={() => open(null)}
          wide={w.wide?.includes(pending.to)}
          testId={`${w.prefix}-step`}
        >
          {(w.inputs?.[pending.to] ?? []).map((input) => (
            <Form.Item
              key={input.field}
              label={m(input.label)}
              required={input.required}
              extra={input.extra ? m(input.extra) : undefined}
              validateStatus={refusal?.byField[input.field] ? 'error' : undefined}
              help={refusal?.byField[input.field]}
            >
              <StepField input={input} value={pending.values[input.field] ?? ''} onChange={(value) => setPending({ ...pending, values: { ...pending.values, [input.field]: value } })} />
            </Form.Item>
          ))}
        </WorkflowStepDialog>
      ) : null}
    </Card>
  );
}

/** One field of a step's dialog: a line or a long text. */
function StepField<R>({ input, value, onChange }: { input: StepInput<R>; value: string; onChange: (value: string) => void }) {
  if (!input.multiline) return <Input value={value} onChange={(e) => onChange(e.target.value)} maxLength={input.maxLength} data-testid={input.testId} />;
  return (
    <Input.TextArea
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoSize={{ minRows: 6, maxRows: input.maxRows ?? 16 }}
      maxLength={input.maxLength}
      showCount={input.showCount}
      data-testid={input.testId}
    />
  );
}

/** The usual path with the date of each step reached; a record that left it stops where it left. */
function PathSteps<S extends string, R extends { status: S }>({ record: r, workflow: w, label }: { record: R; workflow: WorkflowDescription<S, R>; label: (s: S) => string }) {
  const path = w.path ?? [];
  const dateOf = (s: S) => {
    const name = w.dateOf?.[s];
    return name ? textOf(r, name) || null : null;
  };
  const off = !path.includes(r.status);
  if (off && w.pathWhenOff === 'whole') {
    return <Steps size="small" current={path.length - 1} status="error" items={path.map((s) => ({ title: label(s) }))} style={{ marginBottom: 16 }} />;
  }
  const reached = off ? Math.max(0, path.findLastIndex((s) => dateOf(s) != null)) : path.indexOf(r.status);
  return (
    <Steps
      size="small"
      current={off ? reached + 1 : reached}
      status={off ? 'error' : r.status === path[path.length - 1] ? 'finish' : 'process'}
      items={[
        ...path.slice(0, off ? reached + 1 : path.length).map((s) => ({ title: label(s), content: dateOf(s) ?? undefined })),
        ...(off ? [{ title: label(r.status), content: dateOf(r.status) ?? undefined }] : []),
      ]}
      style={{ marginBottom: 16 }}
    />
  );
}

/** The report's due date while it is pending, or the warning once it is overdue. */
function Deadline<S extends string, R extends { status: S }>({ record: r, workflow: w, m }: { record: R; workflow: WorkflowDescription<S, R>; m: (key: string, vars?: Record<string, string>) => string }) {
  const d = w.deadline;
  if (!d) return null;
  const date = textOf(r, d.dueOn);
  if ((r as Record<string, unknown>)[d.overdue]) return <Alert type={d.overdueType} showIcon style={{ marginBottom: 16 }} title={m(d.overdueMessage, { date })} data-testid={d.overdueTestId} />;
  if (!d.pendingIn.includes(r.status)) return null;
  if (d.dueAs === 'info') return <Alert type="info" showIcon style={{ marginBottom: 16 }} title={m(d.dueMessage, { date })} data-testid={d.dueTestId} />;
  return (
    <Typography.Paragraph type="secondary" data-testid={d.dueTestId}>
      {m(d.dueMessage, { date })}
    </Typography.Paragraph>
  );
}
