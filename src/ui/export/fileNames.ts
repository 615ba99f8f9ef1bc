// Every export is named after its scenario, what it holds and the playhead, so a folder of them
// sorts and reads well: "chat-room-latency-t042s.png", "chat-room-scoreboard-t042s.csv",
// "chat-room.scenario.json". The slug matches the GIF export's (gif/gifFileName.ts).

/** Lower case, every run of other characters one hyphen, none at the ends; "scenario" if empty. */
export function scenarioSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'scenario' : slug;
}

/** "t042s": the playhead's whole seconds, three digits at least so names sort in time order. */
export function playheadTag(playheadMs: number): string {
  const seconds = Math.max(0, Math.floor(playheadMs / 1000));
  return `t${String(seconds).padStart(3, '0')}s`;
}

/** `<scenario>-<what>-t042s.<extension>`, e.g. what = "latency", "lanes", "scoreboard", "series". */
export function exportFileName(scenarioName: string, what: string, playheadMs: number, extension: string): string {
  return `${scenarioSlug(scenarioName)}-${what}-${playheadTag(playheadMs)}.${extension}`;
}

export function scenarioFileName(scenarioName: string): string {
  return `${scenarioSlug(scenarioName)}.scenario.json`;
}
