import { describe, expect, it } from 'vitest';
import * as agreements from '../contracts/agreements.ts';
import * as appointments from '../contracts/appointments.ts';
import * as conferences from '../contracts/conferences.ts';
import * as exchanges from '../contracts/exchanges.ts';
import * as missions from '../contracts/missions.ts';
import { MOVEMENT_OFFICE_ONLY_STEPS } from '../contracts/movements.ts';
import * as programmes from '../contracts/programmes.ts';
import * as students from '../contracts/students.ts';
import * as visits from '../contracts/visits.ts';
import { POLICIES } from '../policies.ts';
import { reachableStates, type KindDescription } from './kind.ts';
import { KINDS } from './kinds.ts';

// Each description says what the contracts export (the web and the server read those), not a copy.
const CONTRACTS: Record<string, { states: readonly string[]; transitions: Record<string, readonly string[]>; officeOnly: readonly string[]; deletable?: readonly string[]; counted?: readonly string[] }> = {
  agreements: { states: agreements.AGREEMENT_STATUSES, transitions: agreements.AGREEMENT_TRANSITIONS, officeOnly: [], deletable: agreements.DELETABLE_STATUSES },
  visits: { states: visits.VISIT_STATUSES, transitions: visits.VISIT_TRANSITIONS, officeOnly: MOVEMENT_OFFICE_ONLY_STEPS, deletable: visits.VISIT_DELETABLE_STATUSES, counted: visits.COUNTED_STATUSES },
  missions: { states: missions.MISSION_STATUSES, transitions: missions.MISSION_TRANSITIONS, officeOnly: MOVEMENT_OFFICE_ONLY_STEPS, deletable: missions.MISSION_DELETABLE_STATUSES, counted: missions.MISSION_COUNTED_STATUSES },
  conferences: { states: conferences.CONFERENCE_STATUSES, transitions: conferences.CONFERENCE_TRANSITIONS, officeOnly: conferences.OFFICE_CONFERENCE_STEPS, deletable: conferences.DELETABLE_CONFERENCE_STATUSES, counted: conferences.LEDGER_CONFERENCE_STATUSES },
  appointments: { states: appointments.APPOINTMENT_STATUSES, transitions: appointments.APPOINTMENT_TRANSITIONS, officeOnly: appointments.OFFICE_APPOINTMENT_STEPS, deletable: appointments.DELETABLE_APPOINTMENT_STATUSES },
  students: { states: students.STUDENT_STATUSES, transitions: students.STUDENT_TRANSITIONS, officeOnly: [], deletable: students.STUDENT_DELETABLE_STATUSES, counted: students.STUDENT_COUNTED_STATUSES },
  'exchange-applications': { states: exchanges.APPLICATION_STATUSES, transitions: exchanges.APPLICATION_TRANSITIONS, officeOnly: [], counted: exchanges.EXCHANGE_COUNTED_STATUSES },
  'residency-placements': { states: programmes.PLACEMENT_STATUSES, transitions: programmes.PLACEMENT_TRANSITIONS, officeOnly: [], counted: programmes.PLACEMENT_COUNTED_STATUSES },
};

describe('the kind descriptions', () => {
  it('describe the eight kinds with a workflow, and each the states and steps its contract exports', () => {
    expect(Object.keys(KINDS).sort()).toEqual(Object.keys(CONTRACTS).sort());
    for (const [name, kind] of Object.entries(KINDS)) {
      const contract = CONTRACTS[name]!;
      expect(kind.states, name).toEqual(contract.states);
      expect(kind.transitions, name).toEqual(contract.transitions);
      expect([...kind.officeOnly].sort(), name).toEqual([...contract.officeOnly].sort());
      if (contract.deletable) expect(kind.deletable, name).toEqual(contract.deletable);
      if (contract.counted) expect(kind.counted, name).toEqual(contract.counted);
    }
  });

  it('name only their own states, reach every state from the first, and label each in every language', () => {
    for (const [name, kind] of Object.entries(KINDS) as Array<[string, KindDescription]>) {
      const states = new Set(kind.states);
      const named = [kind.initial, ...kind.officeOnly, ...kind.frozen, ...kind.deletable, ...kind.counted, ...Object.keys(kind.steps), ...kind.deadlines.flatMap((d) => d.owedIn), ...Object.values(kind.transitions).flat()];
      for (const s of named) expect(states.has(s), `${name}: ${s}`).toBe(true);
      expect(reachableStates(kind), name).toEqual(states);
      for (const s of kind.states) for (const locale of ['en', 'zh', 'fr'] as const) expect(kind.statusLabels[s]?.[locale], `${name}: ${s} ${locale}`).toBeTruthy();
      // A step the office alone takes must be one a unit could otherwise take: the policy table lets it update.
      expect(POLICIES[kind.policy].update, name).toBeDefined();
    }
  });

  it('give every deadline a positive span counted from a date', () => {
    for (const kind of Object.values(KINDS)) {
      for (const d of kind.deadlines) {
        expect(d.from).toMatch(/Date$/);
        expect('days' in d.after ? d.after.days : d.after.months).toBeGreaterThan(0);
      }
    }
  });
});
