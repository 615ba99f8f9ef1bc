/** A message about an import: lines after the first are the individual problems. */
export function MessageLines({ text }: { text: string }) {
  const [first, ...details] = text.split('\n');
  return (
    <>
      {first}
      {details.length > 0 && (
        <ul>
          {details.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}
