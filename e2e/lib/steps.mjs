/**
 * The system tests' steps build on each other: when an earlier step failed, a later one that needs its result
 * skips, saying which step it needed, instead of piling up TypeErrors. The file still fails through that step.
 * @returns {boolean} whether the value is there
 */
export function needs(t, value, step) {
  if (value === undefined) t.skip(`needs the result of '${step}', which failed`);
  return value !== undefined;
}
