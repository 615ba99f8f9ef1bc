import { PRESETS, presetById } from '../sim/presets/presets.ts';
import { decodeShareState, encodeShareState, type ShareState } from './shareState.ts';
import { useLab, type LabState } from './store.ts';
import { embedSearch, persistentSearch, readUrlParams, type EmbedOptions, type UrlParams } from './urlParams.ts';

// Keeps the address bar and the lab in step (issue 4, item 2). The hash always describes the state
// on screen, so copying the address reproduces the run. History: an edit of the scenario, the view
// or the preset is a new entry (a slider drag, or edits less than EDIT_COALESCE_MS apart, make one
// entry), so Back undoes edits; playhead, speed and play/pause only replace the current entry.
// Inside an iframe nothing is ever pushed: the slide deck's Back button belongs to the deck.

const EDIT_COALESCE_MS = 1000;
/**
 * Playback changes (playing, scrubbing, a GIF capture's seeks) are written at most this often,
 * the last one always: Safari throws after 100 replaceState calls in 10 s, Chromium throttles.
 */
const PLAYBACK_WRITE_MS = 500;

export function shareStateOf(lab: Pick<LabState, 'scenario' | 'playheadMs' | 'speed' | 'playing' | 'view' | 'presetId' | 'compare'>): ShareState {
  const state: ShareState = {
    scenario: lab.scenario,
    playheadMs: Math.round(lab.playheadMs),
    speed: lab.speed,
    playing: lab.playing,
    view: lab.view,
  };
  if (lab.presetId !== null) state.preset = lab.presetId;
  if (lab.compare !== null) state.compare = lab.compare;
  return state;
}

/** What makes a new history entry: everything but the playback fields (the scenario is immutable). */
const isEdit = (lab: LabState, previous: LabState): boolean =>
  lab.scenario !== previous.scenario || lab.view !== previous.view || lab.presetId !== previous.presetId || lab.compare !== previous.compare;

const pageBase = (): string => `${window.location.origin === 'null' ? '' : window.location.origin}${window.location.pathname}`;

/** The address that reproduces the lab as it is now. */
export function currentShareUrl(): string {
  return `${pageBase()}${persistentSearch(window.location.search)}#${encodeShareState(shareStateOf(useLab.getState()))}`;
}

/** The full lab showing the current state (the "open in Push/Pull Lab" link of a frame). */
export function labUrl(): string {
  const state = { ...shareStateOf(useLab.getState()), view: 'lab' as const };
  return `${pageBase()}#${encodeShareState(state)}`;
}

/** The address of an embedded frame showing the current run in `view`. */
export function embedUrl(view: ShareState['view'], options: EmbedOptions, playback: Partial<Pick<ShareState, 'playheadMs' | 'speed'>> = {}): string {
  const state = { ...shareStateOf(useLab.getState()), view, playing: false, ...playback };
  return `${pageBase()}${embedSearch(options)}#${encodeShareState(state)}`;
}

/**
 * A name from the address, quoted on one line: JSON quoting writes a newline as \n, so a crafted
 * `?preset=` can never split a notice into lines that look like the lab's own bullets.
 */
const quoted = (name: string): string => JSON.stringify(name.slice(0, 64));

function unknownPresetMessage(name: string): string {
  const known = PRESETS.map((preset) => preset.id).join(', ');
  return `There is no preset named ${quoted(name)}, so the lab shows the default scenario. Presets: ${known}.`;
}

/** A link may name a preset this lab does not have (an older or newer lab): its scenario still loads. */
function linkPresetNotice(state: ShareState): string | null {
  if (state.preset === undefined || presetById(state.preset)) return null;
  return `This link names a preset ${quoted(state.preset)} that this lab does not have; its scenario is shown without the preset's notes.`;
}

/** Apply the address the page was opened with: a share link's hash wins over `?preset=`. */
function applyInitialUrl(params: UrlParams): void {
  const lab = useLab.getState();
  const hash = window.location.hash.replace(/^#/, '');
  if (hash !== '') {
    const decoded = decodeShareState(hash);
    if (decoded.ok) {
      lab.applyShareState(decoded.state);
      const notice = linkPresetNotice(decoded.state);
      if (notice !== null) lab.setNotice(notice);
    } else {
      lab.setNotice(`This link could not be read, so the lab shows the default scenario.\n${decoded.error}`);
    }
  } else if (params.preset !== null && !lab.loadPreset(params.preset)) {
    lab.setNotice(unknownPresetMessage(params.preset));
  }
  if (params.loop) lab.setLoop(true);
  if (params.autoplay) lab.play();
}

/**
 * Read the address once, then keep it in step with the store. Returns a function that stops
 * listening (tests, hot reload).
 */
export function startUrlSync(params: UrlParams = readUrlParams(window.location.search)): () => void {
  applyInitialUrl(params);
  const inFrame = window.self !== window.top || params.embed;
  let lastPushAt = -Infinity;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let lastWriteAt = -Infinity;
  /** Set while Back/Forward restores an entry: that is not a new edit. */
  let restoring = false;

  const write = (push: boolean) => {
    const url = currentShareUrl();
    if (url === window.location.href) return;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    lastWriteAt = performance.now();
  };

  const unsubscribe = useLab.subscribe((lab, previous) => {
    if (isEdit(lab, previous)) {
      const now = performance.now();
      write(!inFrame && !restoring && now - lastPushAt > EDIT_COALESCE_MS);
      if (!restoring) lastPushAt = now;
      return;
    }
    const playbackChanged =
      lab.playheadMs !== previous.playheadMs || lab.speed !== previous.speed || lab.playing !== previous.playing;
    if (!playbackChanged) return;
    if (performance.now() - lastWriteAt >= PLAYBACK_WRITE_MS) {
      write(false);
      return;
    }
    pending ??= setTimeout(() => {
      pending = null;
      write(false);
    }, PLAYBACK_WRITE_MS);
  });

  // Back and forward: show the state that entry describes, without making a new entry.
  const onPopState = () => {
    const decoded = decodeShareState(window.location.hash);
    const lab = useLab.getState();
    if (!decoded.ok) {
      lab.setNotice(`This address could not be read, so the lab kept its state.\n${decoded.error}`);
      // The address bar shows the state on screen again, so a reload keeps the user's edits.
      write(false);
      return;
    }
    restoring = true;
    try {
      lab.applyShareState(decoded.state);
    } finally {
      restoring = false;
    }
    const notice = linkPresetNotice(decoded.state);
    if (notice !== null) lab.setNotice(notice);
  };
  window.addEventListener('popstate', onPopState);
  write(false);

  return () => {
    unsubscribe();
    if (pending !== null) clearTimeout(pending);
    window.removeEventListener('popstate', onPopState);
  };
}
