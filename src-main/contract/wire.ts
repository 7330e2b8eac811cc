/**
 * The web transport's frames: JSON text over one WebSocket at `/ws` on 127.0.0.1. A call carries
 * the method and its request; the reply carries the same id and the envelope; events are pushed
 * to every connected page. The frames are checked on both ends like any other payload.
 */
import { z } from 'zod';
import { EVENT_NAMES, METHOD_NAMES } from './names.js';

export const WEB_SOCKET_PATH = '/ws';

export const callFrameSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.enum(METHOD_NAMES),
  request: z.unknown(),
});

export const serverFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), id: z.number().int().nonnegative(), envelope: z.unknown() }),
  z.object({ type: z.literal('event'), event: z.enum(EVENT_NAMES), payload: z.unknown() }),
]);

export type CallFrame = z.infer<typeof callFrameSchema>;
export type ServerFrame = z.infer<typeof serverFrameSchema>;

/** Parses one text frame; null when it is not JSON or not a frame of this schema. */
export function parseFrame<T>(schema: z.ZodType<T>, text: string): T | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const result = schema.safeParse(json);
  return result.success ? result.data : null;
}
