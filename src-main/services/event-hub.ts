/**
 * Where the services announce what happens (progress, points, finished runs, errors) and where
 * each transport listens: the Electron window and every WebSocket page. Payloads are checked
 * against the contract on the way out, so a transport never forwards a malformed event.
 */
import type { EventPayloadOf } from '../contract/api.js';
import type { EventName } from '../contract/names.js';
import { parseEvent } from '../contract/validate.js';

export type EventSink = (event: EventName, payload: unknown) => void;

export class EventHub {
  private readonly sinks = new Set<EventSink>();

  /** Adds a transport; returns its removal. */
  attach(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    const checked = parseEvent(event, payload);
    for (const sink of this.sinks) sink(event, checked);
  }
}
