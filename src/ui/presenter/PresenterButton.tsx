import './presenter.css';
import { useId } from 'react';
import { hasTalk, usePresenter } from './presenterStore.ts';

// Starts the current preset's talk; every preset has one. Without a preset the note says what to
// do instead of leaving a silently disabled button.

export function PresenterButton({ presetId }: { presetId: string | null }) {
  const noteId = useId();
  const enabled = hasTalk(presetId);
  return (
    <span className="presenter-start">
      <button
        type="button"
        disabled={!enabled}
        aria-describedby={enabled ? undefined : noteId}
        onClick={() => {
          if (presetId !== null) void usePresenter.getState().startPresenting(presetId);
        }}
      >
        Present this preset
      </button>
      {!enabled && (
        <span id={noteId} className="presenter-start-note">
          Pick a preset to present it.
        </span>
      )}
    </span>
  );
}
