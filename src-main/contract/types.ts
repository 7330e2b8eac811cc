/**
 * The two shapes the table takes on the renderer side, derived, never written by hand:
 * - `MixscopeBridge`: what the preload puts on `window.mixscope` (and what the web transport
 *   implements): each method returns an envelope, each `onX` subscribes and returns an unsubscribe.
 * - `MixscopeClient`: what the renderer codes against: each method resolves to its response or
 *   rejects with a `ContractError` whose message is for the user.
 */
import type { EventPayloadOf, RequestOf, ResponseOf } from './api.js';
import type { Envelope } from './envelope.js';
import type { EventName, MethodName, SubscriptionName } from './names.js';

/** Methods whose request is `{}` may be called with no argument. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` here means "no required field".
type Call<M extends MethodName, R> = {} extends RequestOf<M> ? (request?: RequestOf<M>) => Promise<R> : (request: RequestOf<M>) => Promise<R>;

export type Listener<E extends EventName> = (payload: EventPayloadOf<E>) => void;
export type Unsubscribe = () => void;

type Subscriptions = { [E in EventName as SubscriptionName<E>]: (listener: Listener<E>) => Unsubscribe };

export type MixscopeBridge = { [M in MethodName]: Call<M, Envelope<ResponseOf<M>>> } & Subscriptions;

export type MixscopeClient = { [M in MethodName]: Call<M, ResponseOf<M>> } & Subscriptions;

/** The renderer's view of the environment it runs in (Electron preload or a browser). */
export interface MixscopeWindow {
  readonly mixscope?: MixscopeBridge;
}
