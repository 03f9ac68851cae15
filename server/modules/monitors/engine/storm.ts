// Alert storms grouped per channel: when the core switch dies, fifty hosts go down within seconds
// and the administrator's phone should buzz once, not fifty times.
//
// The first alert for a channel opens a window of `windowMs`; alerts for that channel collect
// until it closes. Then, with at most `maxSingles` alerts, each goes out alone (a batch of one, in
// arrival order): a single outage keeps its ordinary message. With more, one batch carries them
// all and the channel sends one summary. The next alert after a window closed opens a new one,
// so the delay an alert can suffer is at most `windowMs`. Channels never wait for one another.
// flush() sends everything collected at once (shutdown), by the same rule.
//
// emit is expected not to throw (it hands the batch to the notification outbox). If it does, the
// remaining batches still go out, and the error goes to onError, or is thrown once all are sent.

export interface StormTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface StormGrouperOptions<T> {
  windowMs: number;
  /** Up to this many alerts in one window go out one by one; more become one batch. */
  maxSingles: number;
  emit(channelKey: string, batch: T[]): void;
  clock?: { now(): number };
  timers?: StormTimers;
  onError?(error: unknown, channelKey: string): void;
}

export interface PendingWindow {
  channelKey: string;
  count: number;
  openedAt: number;
}

export interface StormGrouper<T> {
  add(channelKey: string, alert: T): void;
  /** Send everything collected now. */
  flush(): void;
  /** Windows still open (for the engine's status page). */
  pending(): PendingWindow[];
}

const defaultTimers: StormTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

interface Window<T> {
  alerts: T[];
  openedAt: number;
  timer: unknown;
}

export function createStormGrouper<T>(opts: StormGrouperOptions<T>): StormGrouper<T> {
  const clock = opts.clock ?? { now: () => Date.now() };
  const timers = opts.timers ?? defaultTimers;
  const maxSingles = Math.max(0, Math.floor(opts.maxSingles));
  const windows = new Map<string, Window<T>>();

  function send(channelKey: string, alerts: T[], errors: unknown[]): void {
    const batches = alerts.length <= maxSingles ? alerts.map((a) => [a]) : [alerts];
    for (const batch of batches) {
      try {
        opts.emit(channelKey, batch);
      } catch (error) {
        if (opts.onError) opts.onError(error, channelKey);
        else errors.push(error);
      }
    }
  }

  function close(channelKey: string, errors: unknown[]): void {
    const w = windows.get(channelKey);
    if (!w) return;
    windows.delete(channelKey);
    send(channelKey, w.alerts, errors);
  }

  function raise(errors: unknown[]): void {
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'storm grouper: emit failed');
  }

  return {
    add(channelKey, alert) {
      const open = windows.get(channelKey);
      if (open) {
        open.alerts.push(alert);
        return;
      }
      const w: Window<T> = { alerts: [alert], openedAt: clock.now(), timer: null };
      windows.set(channelKey, w);
      w.timer = timers.set(
        () => {
          // A window replaced after a flush must not be closed by the old timer.
          if (windows.get(channelKey) !== w) return;
          const errors: unknown[] = [];
          close(channelKey, errors);
          raise(errors);
        },
        Math.max(0, opts.windowMs),
      );
    },

    flush() {
      const errors: unknown[] = [];
      for (const [channelKey, w] of [...windows]) {
        timers.clear(w.timer);
        close(channelKey, errors);
      }
      raise(errors);
    },

    pending() {
      return [...windows].map(([channelKey, w]) => ({ channelKey, count: w.alerts.length, openedAt: w.openedAt }));
    },
  };
}
