// Integer kinds of scheduler events. The world handles those below MECHANISM_KINDS; each
// mechanism numbers its own from MECHANISM_KINDS up (they run in separate worlds, so the ranges
// of different mechanisms may overlap).

export const Kind = {
  eventCreated: 0,
  idleCheck: 1,
  serverDown: 2,
  clientMessage: 3,
  postAtServer: 4,
  postResponse: 5,
} as const;

export const MECHANISM_KINDS = 16;

/** Upper bound on kinds in one world (world kinds + a mechanism's own). */
export const KIND_COUNT = 32;
