/**
 * The table of calls in flight: a reply settles the call of its id and no other, a call leaves the
 * table however it ends (reply, refusal, deadline, a send that throws, the channel stopping), and
 * a late or unknown reply is ignored.
 */
import { describe, expect, it } from 'vitest';
import { MixscopeError } from '../../engine/core/errors.js';
import { PendingCalls } from './pending-calls.js';

describe('PendingCalls', () => {
  it('settles each call by the id of its reply, whatever order the replies come in', async () => {
    const calls = new PendingCalls<string>();
    const sent: number[] = [];
    const [a, b, c] = [0, 1, 2].map(() => calls.open((id) => sent.push(id)));
    expect(new Set(sent).size).toBe(3);
    expect(sent).toEqual([a!.id, b!.id, c!.id]);
    expect(calls.settle(c!.id, { value: 'c' })).toBe(true);
    expect(calls.settle(a!.id, { value: 'a' })).toBe(true);
    expect(calls.settle(b!.id, { error: new MixscopeError('refused', 'invalid-input') })).toBe(true);
    expect(await c!.answer).toBe('c');
    expect(await a!.answer).toBe('a');
    await expect(b!.answer).rejects.toMatchObject({ code: 'invalid-input', message: 'refused' });
    expect(calls.size).toBe(0);
  });

  it('ignores a second reply, a reply of an unknown id, and one to a call given up on', async () => {
    const calls = new PendingCalls<number>();
    const first = calls.open(() => undefined);
    expect(calls.settle(first.id, { value: 1 })).toBe(true);
    expect(calls.settle(first.id, { value: 2 })).toBe(false);
    expect(calls.settle(first.id + 100, { value: 3 })).toBe(false);
    expect(await first.answer).toBe(1);
    const late = calls.open(() => undefined);
    expect(calls.forget(late.id)).toBe(true);
    expect(calls.forget(late.id)).toBe(false);
    expect(calls.settle(late.id, { value: 4 })).toBe(false);
    expect(calls.size).toBe(0);
  });

  it('fails every open call with the reason the channel stopped, and keeps none', async () => {
    const calls = new PendingCalls<number>();
    const open = [0, 1, 2].map(() => calls.open(() => undefined).answer);
    const stopped = new Error('the channel stopped: exit code 3');
    calls.failAll(stopped);
    expect(calls.size).toBe(0);
    for (const answer of open) await expect(answer).rejects.toBe(stopped);
    // Ids go on after a failure: a later call is not confused with a failed one.
    const next = calls.open(() => undefined);
    expect(calls.settle(next.id, { value: 7 })).toBe(true);
    expect(await next.answer).toBe(7);
  });

  it('fails a call whose send throws with that error, leaving nothing behind', async () => {
    const calls = new PendingCalls<number>();
    const refused = new Error('could not be cloned');
    const call = calls.open(() => {
      throw refused;
    });
    await expect(call.answer).rejects.toBe(refused);
    expect(calls.size).toBe(0);
  });

  it('holds nothing after many calls have ended every way', async () => {
    const calls = new PendingCalls<number>();
    const answers: Promise<unknown>[] = [];
    for (let i = 0; i < 300; i++) {
      const { id, answer } = calls.open(() => undefined);
      answers.push(answer.catch(() => undefined));
      if (i % 3 === 0) calls.settle(id, { value: i });
      else if (i % 3 === 1) calls.settle(id, { error: new Error(`refused ${i}`) });
      else calls.forget(id);
    }
    expect(calls.size).toBe(0);
    await Promise.all(answers.filter((_, i) => i % 3 !== 2));
  });
});
