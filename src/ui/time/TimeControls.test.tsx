// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecording } from '../../sim/recording.ts';
import { nextMessageTime, useLab } from '../../state/store.ts';
import { DEFAULT_SPEED } from '../../state/playbackLimits.ts';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { TimeControls } from './TimeControls.tsx';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';
import { useStep } from './stepping.ts';
import { formatDuration } from './timeFormat.ts';
import { useStepLaneFocus } from './useStepLaneFocus.ts';

function Bar() {
  useKeyboardShortcuts();
  return (
    <>
      <label>
        Notes <input type="text" />
      </label>
      <TimeControls />
      <ShortcutsHelp />
    </>
  );
}

const lab = () => useLab.getState();
const press = (key: string, init: KeyboardEventInit = {}) => {
  act(() => {
    fireEvent.keyDown(document.activeElement ?? document.body, { key, ...init });
  });
};

let recording: RunRecording;

beforeAll(async () => {
  // The store runs the default scenario once on load (inline: happy-dom has no Worker).
  await waitFor(() => expect(lab().status).toBe('ready'), { timeout: 20_000 });
  const done = lab().recording;
  if (!done) throw new Error('the default scenario did not record');
  recording = done;
}, 30_000);

beforeEach(() => {
  useLab.setState({ status: 'ready', recording, playing: false, playheadMs: 0, speed: DEFAULT_SPEED, helpOpen: false });
  useStep.setState({ lane: 'all', said: null });
  render(<Bar />);
});

afterEach(cleanup);

describe('the time controls', () => {
  it('toggle one button between Play and Pause', () => {
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(lab().playing).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(lab().playing).toBe(false);
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('disable Play and Step until a recording exists, and show the run’s progress', () => {
    act(() => useLab.setState({ status: 'running', recording: null, progressMs: 30_000 }));
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Play' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Step' }).disabled).toBe(true);
    const progress = screen.getByRole<HTMLProgressElement>('progressbar', { name: 'Simulation progress' });
    expect(progress.value).toBe(30_000);
  });

  it('show the speed as a multiple, on a slider named Speed whose positions are the speed steps', () => {
    const speed = screen.getByRole<HTMLInputElement>('slider', { name: 'Speed' });
    expect(screen.getByText('0.25×')).toBeTruthy();
    act(() => lab().setSpeed(1));
    expect(screen.getByText('1×')).toBeTruthy();
    expect(Number(speed.value)).toBe(3);
    fireEvent.change(speed, { target: { value: '7' } });
    expect(lab().speed).toBe(25);
    expect(speed.getAttribute('aria-valuetext')).toBe('25×');
  });

  it('skip to the end of the run and pause there', () => {
    act(() => useLab.setState({ playing: true, playheadMs: 3_000 }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip to end' }));
    expect(lab().playheadMs).toBe(recording.endMs);
    expect(lab().playing).toBe(false);
  });

  it('step through one lane when one is chosen, and say what happened', () => {
    fireEvent.change(screen.getByRole('combobox', { name: 'Step through' }), { target: { value: 'sse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    const sse = recording.mechanisms.sse?.trace ?? [];
    const first = Math.min(...sse.flatMap((m) => [m.sendMs, m.arriveMs]).filter((ms) => ms > 0));
    expect(lab().playheadMs).toBe(first);
    expect(screen.getByText(/^\d+\.\d\d\s?s · SSE: Client \d ⇄ Server, handshake opening a new connection \w+/).getAttribute('role')).toBe('status');
  });

  it('show simulated time as text and on the Timeline, and seek when the Timeline moves', () => {
    act(() => lab().seek(12_400));
    expect(screen.getByText('12.40 s')).toBeTruthy();
    // The run ends after its drain: a little past durationSec (120 s), once every event is resolved.
    const end = formatDuration(recording.endMs);
    expect(recording.endMs).toBeGreaterThan(120_000);
    expect(recording.endMs).toBeLessThan(125_000);
    // Paused, the clock shows hundredths, and so does the end beside it.
    const clockEnd = `/ ${formatDuration(recording.endMs, 2)}`;
    expect(screen.getByText(clockEnd, { exact: false })).toBeTruthy();
    // …and the clock says where the extra seconds come from.
    expect(screen.getByText(clockEnd, { exact: false }).closest('p')?.getAttribute('title')).toMatch(
      /^the 120 s run, then \d+(\.\d+)? s while what was in flight finishes$/,
    );
    const timeline = screen.getByRole('slider', { name: 'Timeline' });
    expect(timeline.getAttribute('aria-valuetext')).toBe(`12.4 s of ${end}`);
    expect(timeline.closest('[aria-live]')).toBeNull();
    fireEvent.change(timeline, { target: { value: '60000' } });
    expect(lab().playheadMs).toBe(60_000);
    fireEvent.change(timeline, { target: { value: '5000' } });
    expect(lab().playheadMs).toBe(5_000);
  });

  it('show hundredths on the clock while paused, so that a step of a few milliseconds moves it, and tenths while playing', () => {
    act(() => lab().seek(530));
    expect(screen.getByText('0.53 s')).toBeTruthy();
    act(() => useLab.setState({ playing: true }));
    expect(screen.getByText('0.5 s')).toBeTruthy();
  });

  it('step through the lane in focus: a click or focus in a lane chooses it, and “all lanes” goes back to every lane', () => {
    cleanup();
    function WithLanes() {
      useStepLaneFocus();
      return (
        <>
          <section data-lane="webhook" aria-label="Webhooks">
            <button type="button">How it works</button>
          </section>
          <TimeControls />
        </>
      );
    }
    render(<WithLanes />);
    const choice = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Step through' });
    fireEvent.pointerDown(screen.getByRole('region', { name: 'Webhooks' }));
    expect(choice.value).toBe('webhook');
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    const webhook = recording.mechanisms.webhook?.trace ?? [];
    expect(lab().playheadMs).toBe(Math.min(...webhook.flatMap((m) => [m.sendMs, m.arriveMs]).filter((ms) => ms > 0)));
    expect(screen.getByText(/ · Webhooks: Receiver \d/).getAttribute('role')).toBe('status');
    fireEvent.change(choice, { target: { value: 'all' } });
    expect(choice.value).toBe('all');
    act(() => screen.getByRole('button', { name: 'How it works' }).focus());
    expect(choice.value).toBe('webhook');
  });

  it('move the Timeline a second per arrow key without stepping', () => {
    const timeline = screen.getByRole('slider', { name: 'Timeline' });
    timeline.focus();
    press('ArrowRight');
    expect(lab().playheadMs).toBe(1_000);
    press('ArrowRight', { shiftKey: true });
    expect(lab().playheadMs).toBe(11_000);
    press('Home');
    expect(lab().playheadMs).toBe(0);
  });
});

describe('the keyboard shortcuts', () => {
  it('play and pause with Space', () => {
    press(' ');
    expect(lab().playing).toBe(true);
    press(' ');
    expect(lab().playing).toBe(false);
  });

  it('step to the next message with → and pause there', () => {
    act(() => useLab.setState({ playing: true }));
    press('ArrowRight');
    expect(lab().playheadMs).toBe(nextMessageTime(recording, 0));
    expect(lab().playheadMs).toBeGreaterThan(0);
    expect(lab().playing).toBe(false);
  });

  it('restart with R and keep playing', () => {
    act(() => useLab.setState({ playing: true, playheadMs: 42_000 }));
    press('r');
    expect(lab().playheadMs).toBe(0);
    expect(lab().playing).toBe(true);
  });

  it('move one speed step up with + or = and down with − or _, within 0.1× to 100×', () => {
    press('+');
    expect(lab().speed).toBe(0.5);
    press('=');
    expect(lab().speed).toBe(1);
    press('+');
    expect(lab().speed).toBe(2);
    press('+');
    expect(lab().speed).toBe(5);
    press('-');
    press('_');
    press('-');
    expect(lab().speed).toBe(0.5);
    press('-');
    press('-');
    press('-');
    expect(lab().speed).toBe(0.1);
    act(() => lab().setSpeed(50));
    press('+');
    press('+');
    expect(lab().speed).toBe(100);
  });

  it('skip to the end with End', () => {
    press('End');
    expect(lab().playheadMs).toBe(recording.endMs);
  });

  it('are ignored while a text field has focus, or with Ctrl, Meta or Alt held', () => {
    screen.getByRole('textbox', { name: 'Notes' }).focus();
    for (const key of [' ', 'ArrowRight', 'r', '+', '?']) press(key);
    expect(lab()).toMatchObject({ playing: false, playheadMs: 0, speed: DEFAULT_SPEED, helpOpen: false });
    (document.activeElement as HTMLElement).blur();
    act(() => useLab.setState({ playheadMs: 9_000 }));
    press('r', { ctrlKey: true });
    press('r', { metaKey: true });
    press('+', { altKey: true });
    expect(lab()).toMatchObject({ playheadMs: 9_000, speed: DEFAULT_SPEED });
  });

  it('leave Space to a focused button and arrows to a focused slider', () => {
    screen.getByRole('button', { name: 'Restart' }).focus();
    press(' ');
    expect(lab().playing).toBe(false);
    screen.getByRole('slider', { name: 'Speed' }).focus();
    press('ArrowRight');
    expect(lab().playheadMs).toBe(0);
    press('+');
    expect(lab().speed).toBe(0.5);
  });
});

describe('the shortcuts help', () => {
  it('opens with ? as a modal dialog listing the keys, and closes with Escape', () => {
    press('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('Step to the next message (in every lane, or in the lane in focus or chosen beside Step)');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    press('Escape');
    expect(lab().helpOpen).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens from the ? button and hands focus back to it when closed', () => {
    const opener = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    opener.focus();
    fireEvent.click(opener);
    expect(lab().helpOpen).toBe(true);
    const close = screen.getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    fireEvent.click(close);
    expect(lab().helpOpen).toBe(false);
    expect(document.activeElement).toBe(opener);
  });
});
