import { useEffect } from 'react';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import { useStep } from './stepping.ts';

// "The lane in focus": moving into a lane — keyboard focus on something in it, or a click on it —
// makes Step (and →) go through that lane's messages; the time bar's "Step through" choice shows
// it, and "all lanes" there goes back to every lane. Lanes are found by their data-lane attribute,
// so the lanes need no code of their own for it; the App installs this.

const laneOf = (target: EventTarget | null): MechanismId | null => {
  const lane = target instanceof Element ? target.closest('[data-lane]')?.getAttribute('data-lane') : null;
  return MECHANISM_IDS.find((id) => id === lane) ?? null;
};

export function useStepLaneFocus(): void {
  useEffect(() => {
    const follow = (event: Event) => {
      const lane = laneOf(event.target);
      if (lane !== null && useStep.getState().lane !== lane) useStep.getState().setLane(lane);
    };
    document.addEventListener('focusin', follow);
    document.addEventListener('pointerdown', follow);
    return () => {
      document.removeEventListener('focusin', follow);
      document.removeEventListener('pointerdown', follow);
    };
  }, []);
}
