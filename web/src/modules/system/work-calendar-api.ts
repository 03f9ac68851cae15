// The organisation's work calendar: read by every page that shows a due time, saved whole.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { workCalendarResponse } from '@shared/contracts/calendar.js';
import type { WorkCalendar } from '@shared/lib/work-calendar.js';
import { api } from '../../lib/api-client';

const URL = '/api/settings/work-calendar';
export const workCalendarKey = ['system', 'workCalendar'] as const;

export function useWorkCalendar() {
  return useQuery({
    queryKey: workCalendarKey,
    queryFn: ({ signal }) => api(URL, { schema: workCalendarResponse, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSaveWorkCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (cal: WorkCalendar) => api(URL, { method: 'PUT', body: cal, schema: workCalendarResponse }),
    onSuccess: (saved) => qc.setQueryData(workCalendarKey, saved),
  });
}
