// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from './PanelBoundary.tsx';

afterEach(cleanup);

let broken = true;
function Fragile() {
  if (broken) throw new RangeError('maximumFractionDigits value is out of range');
  return <p>drawn</p>;
}

describe('PanelBoundary', () => {
  it('says which panel failed and why, keeps its neighbours, and draws it again on "Try again"', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    broken = true;
    render(
      <>
        <PanelBoundary name="The scoreboard">
          <Fragile />
        </PanelBoundary>
        <PanelBoundary name="The lanes">
          <p>lanes still here</p>
        </PanelBoundary>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toContain(
      'The scoreboard could not be shown: maximumFractionDigits value is out of range.',
    );
    expect(screen.getByText('lanes still here')).toBeTruthy();
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('drawn')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    quiet.mockRestore();
  });
});
