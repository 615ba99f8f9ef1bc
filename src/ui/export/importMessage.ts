import { create } from 'zustand';

// The answer to the last scenario file brought in, by the panel's file button or by a drop on the
// page: one slot, so a new import replaces the answer to the previous one wherever it was shown.

export interface ImportMessage {
  kind: 'saved' | 'error';
  /** The first line says what happened; any further lines are the file's problems, one each. */
  text: string;
}

export interface LastImport {
  from: 'picked' | 'dropped';
  message: ImportMessage;
}

export const useLastImport = create<{ last: LastImport | null }>(() => ({ last: null }));

export const clearLastImport = (): void => useLastImport.setState({ last: null });
