// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordRun } from '../../sim/recording.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { useLab } from '../../state/store.ts';
import { TimeControls } from './TimeControls.tsx';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';

function Harness() {
  useKeyboardShortcuts();
  return (
    <>
      <TimeControls />
      <input aria-label="Notes" />
    </>
  );
}

beforeAll(() => {
  const parsed = parseScenario({ version: 1, durationSec: 20 });
  if (!parsed.ok) throw new Error(parsed.errors.join());
  useLab.setState({ recording: recordRun(parsed.scenario, 5), status: 'ready' });
});

afterEach(() => {
  cleanup();
  useLab.setState({ playing: false, playheadMs: 0, speed: 0.25, helpOpen: false });
});

const key = (k: string) => act(() => { fireEvent.keyDown(window, { key: k }); });

describe('the time controls', () => {
  it('toggle between Play and Pause', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(useLab.getState().playing).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(useLab.getState().playing).toBe(false);
  });

  it('show the speed and seek with the timeline', () => {
    render(<Harness />);
    expect(screen.getByText('0.25×')).toBeTruthy();
    fireEvent.change(screen.getByRole('slider', { name: 'Timeline' }), { target: { value: '12345' } });
    expect(useLab.getState().playheadMs).toBe(12345);
    expect(screen.getByText('12.3 s')).toBeTruthy();
  });

  it('answer Space, →, R, + and − on the page', () => {
    render(<Harness />);
    key(' ');
    expect(useLab.getState().playing).toBe(true);
    key(' ');
    key('ArrowRight');
    const stepped = useLab.getState().playheadMs;
    expect(stepped).toBeGreaterThan(0);
    expect(useLab.getState().playing).toBe(false);
    key('+');
    expect(useLab.getState().speed).toBe(0.5);
    key('-');
    key('-');
    expect(useLab.getState().speed).toBe(0.125);
    key('r');
    expect(useLab.getState().playheadMs).toBe(0);
    key('?');
    expect(useLab.getState().helpOpen).toBe(true);
    key('Escape');
    expect(useLab.getState().helpOpen).toBe(false);
  });

  it('leave keys alone while the user types in a field', () => {
    render(<Harness />);
    const notes = screen.getByRole('textbox', { name: 'Notes' });
    notes.focus();
    act(() => { fireEvent.keyDown(notes, { key: ' ' }); });
    act(() => { fireEvent.keyDown(notes, { key: 'r' }); });
    expect(useLab.getState().playing).toBe(false);
    expect(useLab.getState().speed).toBe(0.25);
  });
});
