import { declareRoutes, get, policy, signedIn } from '../../core/routes.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { LateByUnit, TodoList } from '../../../shared/contracts/todo.ts';
import { lateByUnit, todoFor } from './todo.service.ts';

/** The signed-in user's to-do list, and the leaders' summary of what is late by unit. */
export const todoRoutes = declareRoutes('todo', [
  get('/api/todo', { summary: "List what waits on the signed-in user: decisions, reports owed, renewals coming", ...signedIn, response: { 200: TodoList } }, async ({ ctx }) => todoFor(ctx, officeToday(), { imports: true })),

  get('/api/todo/late-by-unit', { summary: 'Count the late reports and renewals of each unit', ...policy('report', 'read'), response: { 200: LateByUnit } }, async ({ ctx }) => lateByUnit(ctx, officeToday())),
]);
