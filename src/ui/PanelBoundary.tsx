import { Component, type ErrorInfo, type ReactNode } from 'react';
import './panelBoundary.css';

// One panel that fails to draw must not blank the page (issue 10, item 1): React unmounts the
// whole tree on an uncaught render error, so each panel sits inside its own boundary. The boundary
// says in plain words which panel failed and why, and "Try again" draws it afresh (after an edit,
// a new run or a playhead move the cause is often gone). The rest of the lab keeps working.

interface Props {
  /** The panel's name as a reader knows it, e.g. "The scoreboard". */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** What failed, in one sentence: the error's own message, never its stack. */
export function describeFailure(name: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `${name} could not be shown: ${reason.trim() || 'an unknown error'}.`;
}

export class PanelBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console keeps the technical detail for a bug report; the page shows the sentence.
    console.error(`${this.props.name} failed to render`, error, info.componentStack);
  }

  render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="panel-failed" role="alert">
        <p>{describeFailure(this.props.name, error)}</p>
        <p>The rest of the lab still works.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
