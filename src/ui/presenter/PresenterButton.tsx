import './presenter.css';
import { useId } from 'react';
import { usePresenter } from './presenterStore.ts';
import { hasScript } from './scripts.ts';

// Starts the current preset's talk. Only presets that ship a script can be presented; the note
// says so instead of leaving a silently disabled button.

export function PresenterButton({ presetId }: { presetId: string | null }) {
  const noteId = useId();
  const enabled = hasScript(presetId);
  return (
    <span className="presenter-start">
      <button
        type="button"
        disabled={!enabled}
        aria-describedby={enabled ? undefined : noteId}
        onClick={() => {
          if (presetId !== null) usePresenter.getState().startPresenting(presetId);
        }}
      >
        Present this preset
      </button>
      {!enabled && (
        <span id={noteId} className="presenter-start-note">
          {presetId === null ? 'Pick a preset to present it.' : 'This preset has no talk yet.'}
        </span>
      )}
    </span>
  );
}
