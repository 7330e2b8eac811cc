/** The engine's clock: performance.now exists in Node and in a page, so the engine stays pure. */
export type Clock = () => number;

export const performanceClock: Clock = () => performance.now();
