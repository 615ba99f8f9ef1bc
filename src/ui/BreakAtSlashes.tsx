import { Fragment } from 'react';

/**
 * A column header such as "Requests/client/min" that may wrap after each slash (a <wbr> changes
 * nothing a screen reader reads). Headers shorter than `longerThan` characters stay whole.
 */
export function BreakAtSlashes({ text, longerThan = 0 }: { text: string; longerThan?: number }) {
  const parts = text.length > longerThan ? text.split('/') : [text];
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));
}
