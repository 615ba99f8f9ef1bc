// Playback speed limits, shared by the store and the share-link codec (which must not import the
// store: creating it starts a simulation run).

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;
/** A 50 ms trip lasts 3 frames at 1×; at a quarter speed a newcomer can follow each message. */
export const DEFAULT_SPEED = 0.25;
