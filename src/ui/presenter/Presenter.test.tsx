// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLab } from '../../state/store.ts';
import { useKeyboardShortcuts } from '../time/useKeyboardShortcuts.ts';
import { Presenter } from './Presenter.tsx';
import { PresenterButton } from './PresenterButton.tsx';
import { ShortcutsHelp } from '../time/ShortcutsHelp.tsx';
import { PRESENTER_KEYS } from './presenterKeys.ts';
import { handlePresenterKey, usePresenter } from './presenterStore.ts';
import { PRESENTER_SCRIPTS } from './scripts.ts';

// Stand-ins for the lab's regions, lanes and charts: the presenter finds them by data attribute.
const KEY_HANDLERS = [handlePresenterKey];

function Page({ presetId }: { presetId: string | null }) {
  useKeyboardShortcuts(KEY_HANDLERS);
  return (
    <>
      <PresenterButton presetId={presetId} />
      <section data-region="scoreboard">numbers</section>
      <section data-lane="webhook">webhook lane</section>
      <figure data-chart="requests">requests chart</figure>
      <figure data-chart="latency">latency chart</figure>
      <Presenter />
    </>
  );
}

const BEATS = PRESENTER_SCRIPTS['payment-webhook-outage'] ?? [];
const lab = () => useLab.getState();
const focused = () => document.querySelector('[data-presenter-focus]');
/** Start the webhook talk and wait for its bar (loaded on demand the first time). */
async function startTalk(): Promise<HTMLElement> {
  await act(async () => {
    await usePresenter.getState().startPresenting('payment-webhook-outage');
  });
  return screen.findByRole('region', { name: 'Presenter' });
}
const press = (key: string) => {
  act(() => {
    fireEvent.keyDown(document.activeElement ?? document.body, { key });
  });
};

beforeEach(() => {
  act(() => {
    usePresenter.getState().stop();
    lab().loadPreset('chat-room');
  });
});

afterEach(() => {
  act(() => usePresenter.getState().stop());
  cleanup();
});

describe('presenter mode', () => {
  it('offers to present any preset, and asks for one when none is picked', () => {
    const { rerender } = render(<Page presetId="stock-ticker" />);
    const button = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Present this preset' });
    expect(button().disabled).toBe(false);
    rerender(<Page presetId={null} />);
    expect(button().disabled).toBe(true);
    expect(screen.getByText('Pick a preset to present it.')).toBeTruthy();
    rerender(<Page presetId="payment-webhook-outage" />);
    expect(button().disabled).toBe(false);
  });

  it('loads the preset, shows beat 1 with its caption and lights its element', async () => {
    render(<Page presetId="payment-webhook-outage" />);
    fireEvent.click(screen.getByRole('button', { name: 'Present this preset' }));
    const bar = await screen.findByRole('region', { name: 'Presenter' });

    expect(lab().presetId).toBe('payment-webhook-outage');
    expect(usePresenter.getState().presenting).toEqual({ presetId: 'payment-webhook-outage', beat: 0 });
    expect(bar.textContent).toContain('Payment webhooks with a receiver outage');
    expect(bar.textContent).toContain(`Beat 1 of ${String(BEATS.length)}`);
    expect(screen.getAllByText(BEATS[0]?.caption ?? '-').length).toBeGreaterThan(0);
    expect(lab().playheadMs).toBe(BEATS[0]?.atMs);
    expect(lab().playing).toBe(false);
    await waitFor(() => expect(document.body.hasAttribute('data-presenting')).toBe(true));
    expect(focused()?.getAttribute('data-region')).toBe('scoreboard');
    // The run arrives later and must not move the playhead away from the beat.
    await waitFor(() => expect(lab().status).toBe('ready'), { timeout: 10_000 });
    expect(lab().playheadMs).toBe(BEATS[0]?.atMs);
  });

  it('announces the beat and its caption politely to screen readers', async () => {
    render(<Page presetId="payment-webhook-outage" />);
    await act(async () => {
      await usePresenter.getState().startPresenting('payment-webhook-outage');
    });
    const live = document.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe(`Beat 1 of ${String(BEATS.length)}. ${BEATS[0]?.caption ?? ''}`);
  });

  it('steps forward and back with → and ←, seeking to each beat and moving the light', async () => {
    render(<Page presetId="payment-webhook-outage" />);
    await startTalk();

    press('ArrowRight');
    expect(usePresenter.getState().presenting?.beat).toBe(1);
    expect(lab().playheadMs).toBe(BEATS[1]?.atMs);
    expect(focused()?.getAttribute('data-lane')).toBe('webhook');
    expect(document.querySelectorAll('[data-presenter-focus]')).toHaveLength(1);

    press('PageDown');
    expect(focused()?.getAttribute('data-chart')).toBe('requests');
    press('ArrowLeft');
    press('PageUp');
    expect(usePresenter.getState().presenting?.beat).toBe(0);
    expect(lab().playheadMs).toBe(BEATS[0]?.atMs);
    // Before the first beat there is nothing: ← stays, and does not seek the lab either.
    press('ArrowLeft');
    expect(usePresenter.getState().presenting?.beat).toBe(0);
    expect(lab().playheadMs).toBe(BEATS[0]?.atMs);
  });

  it('plays from a beat marked play, and stops at the last beat', async () => {
    render(<Page presetId="payment-webhook-outage" />);
    await startTalk();
    const playIndex = BEATS.findIndex((b) => b.play === true);
    for (let i = 0; i < playIndex; i++) fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(lab().playing).toBe(true);
    expect(lab().playheadMs).toBe(BEATS[playIndex]?.atMs);
    // Space is a clicker's "next" too (a focused button would take it as a click instead).
    act(() => screen.getByRole('button', { name: 'Next' }).blur());
    for (let i = playIndex; i < BEATS.length + 2; i++) press(' ');
    expect(usePresenter.getState().presenting?.beat).toBe(BEATS.length - 1);
    expect(lab().playing).toBe(false);
    expect(screen.getByRole('button', { name: 'Next' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('leaves with Esc or Exit: no caption, no light, no dimming, and the lab keeps its playhead', async () => {
    render(<Page presetId="payment-webhook-outage" />);
    await startTalk();
    press('ArrowRight');
    press('Escape');
    expect(usePresenter.getState().presenting).toBeNull();
    expect(screen.queryByRole('region', { name: 'Presenter' })).toBeNull();
    expect(focused()).toBeNull();
    expect(document.body.hasAttribute('data-presenting')).toBe(false);
    expect(lab().playheadMs).toBe(BEATS[1]?.atMs);

    await startTalk();
    fireEvent.click(screen.getByRole('button', { name: 'Exit' }));
    expect(usePresenter.getState().presenting).toBeNull();
  });

  it('ends the talk when the lab switches to another preset', async () => {
    render(<Page presetId="payment-webhook-outage" />);
    await startTalk();
    act(() => void lab().loadPreset('stock-ticker'));
    expect(usePresenter.getState().presenting).toBeNull();
  });

  it('leaves the arrows to the lab when no talk is running', () => {
    render(<Page presetId="payment-webhook-outage" />);
    act(() => lab().seek(0));
    press('ArrowLeft');
    expect(usePresenter.getState().presenting).toBeNull();
    expect(lab().playheadMs).toBe(0);
  });

  it('refuses an unknown preset name', async () => {
    expect(await usePresenter.getState().startPresenting('no-such-preset')).toBe(false);
    expect(await usePresenter.getState().startPresenting('constructor')).toBe(false);
    expect(usePresenter.getState().presenting).toBeNull();
    expect(lab().presetId).toBe('chat-room');
  });

  it('lists every key of a talk in the shortcuts help, and each listed key does what it says', async () => {
    render(<Page presetId="payment-webhook-outage" />);
    act(() => lab().setHelpOpen(true));
    render(<ShortcutsHelp />);
    const table = screen.getByRole('table', { name: 'Keys of presenter mode' });
    for (const { keys, action } of PRESENTER_KEYS) {
      const row = [...table.querySelectorAll('tr')].find((tr) => tr.textContent.includes(action));
      expect([...(row?.querySelectorAll('kbd') ?? [])].map((k) => k.textContent)).toEqual(keys);
    }
    act(() => lab().setHelpOpen(false));

    const beat = () => usePresenter.getState().presenting?.beat;
    for (const { command, eventKeys } of PRESENTER_KEYS) {
      for (const key of eventKeys) {
        await startTalk();
        press('ArrowRight');
        act(() => screen.getByRole('button', { name: 'Next' }).blur());
        press(key);
        if (command === 'next') expect(beat()).toBe(2);
        if (command === 'previous') expect(beat()).toBe(0);
        if (command === 'stop') expect(usePresenter.getState().presenting).toBeNull();
        act(() => usePresenter.getState().stop());
      }
    }
  });
});
