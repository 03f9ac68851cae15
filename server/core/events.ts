// A typed in-process event bus. Modules declare their events by augmenting EventMap:
//   declare module '../../core/events.js' { interface EventMap { 'person.created': { id: number } } }
// Handlers run after the emitting transaction has committed; a failing handler is logged and
// never breaks the request that emitted the event.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EventMap {}

type Handler<K extends keyof EventMap> = (payload: EventMap[K]) => void | Promise<void>;

export interface EventBus {
  on<K extends keyof EventMap>(event: K, handler: Handler<K>): () => void;
  emit<K extends keyof EventMap>(event: K, payload: EventMap[K]): void;
  /** Resolves when every handler started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
}

export function createEventBus(onError: (event: string, err: unknown) => void): EventBus {
  const handlers = new Map<PropertyKey, Set<Handler<never>>>();
  const running = new Set<Promise<void>>();
  return {
    on(event, handler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler as Handler<never>);
      return () => set.delete(handler as Handler<never>);
    },
    emit(event, payload) {
      for (const h of handlers.get(event) ?? []) {
        const p = Promise.resolve()
          .then(() => (h as Handler<typeof event>)(payload))
          .catch((err) => onError(String(event), err))
          .finally(() => running.delete(p));
        running.add(p);
      }
    },
    async idle() {
      while (running.size) await Promise.all([...running]);
    },
  };
}
