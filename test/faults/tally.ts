/** The counts a fault-injection file reports: what it injected, what the system survived, what was lost. */
export interface Tally {
  suite: string;
  faultsInjected: number;
  faultsSurvived: number;
  badInputsTried: number;
  pointsLost: number;
}

export function newTally(suite: string): Tally {
  return { suite, faultsInjected: 0, faultsSurvived: 0, badInputsTried: 0, pointsLost: 0 };
}

/** One line per file, picked up by the notes: `fault-injection {"suite":...}`. */
export function printTally(tally: Tally): void {
  console.log(`fault-injection ${JSON.stringify(tally)}`);
}
