/** Time is a dependency: tests inject a controllable clock, production uses the system one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
