// The ground of each fact of a unit, read from its recorded changes: the structure tells what is
// in force, the history tells which change (instrument and provision) put each fact there.

const NAMING = new Set(['UnitEstablished', 'UnitRenamed']);
const REPORTING = new Set(['UnitEstablished', 'ReportingLineChanged']);
const HEADING = new Set(['HeadDesignated', 'HeadVacated']);

function inForceBy(changes, asOf) {
  return changes
      .filter((change) => !change.retracted && typeof change.effectiveFrom === 'string' && change.effectiveFrom <= asOf)
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.sequence - b.sequence));
}

function last(changes, types) {
  return changes.filter((change) => types.has(change.type)).at(-1) ?? null;
}

/**
 * {name, parent, head, established, functions: Map(functionId -> change)}: each the change that
 * grounds the fact in force on asOf (history read with the same knownAt as the structure).
 */
export function groundsOf(history, asOf) {
  const changes = inForceBy(Array.isArray(history?.changes) ? history.changes : [], asOf);
  const functions = new Map();
  for (const change of changes) {
    if ((change.type === 'FunctionAssigned' || change.type === 'FunctionReaffirmed') && change.functionId) {
      functions.set(change.functionId, change);
    }
  }
  const head = last(changes, HEADING);
  return {
    name: last(changes, NAMING),
    parent: last(changes, REPORTING),
    head: head?.type === 'HeadDesignated' ? head : null,
    established: changes.find((change) => change.type === 'UnitEstablished') ?? null,
    functions,
  };
}

/** (unitId, functionId) -> the FunctionWithdrawn change that ended it, from a timeline. */
export function withdrawals(timeline) {
  const ended = new Map();
  for (const change of Array.isArray(timeline?.changes) ? timeline.changes : []) {
    if (change.type === 'FunctionWithdrawn' && !change.retracted) ended.set(`${change.unitId} ${change.functionId}`, change);
  }
  return ended;
}
