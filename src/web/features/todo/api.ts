import type { LateByUnit, TodoList } from '../../../shared/contracts/todo.ts';
import { useApiGet } from '../../lib/api-query.ts';

/** The signed-in user's to-do list, read again each time the page opens: an item goes as soon as its record no longer owes it. */
export const useTodo = () => useApiGet<TodoList>(['todo'], '/todo', {}, { staleTime: 0 });

/** The late items of each unit, for the leaders' summary. */
export const useLateByUnit = (enabled: boolean) => useApiGet<LateByUnit>(['todo', 'late-by-unit'], '/todo/late-by-unit', {}, { staleTime: 0, enabled });
