import { visibleParts } from './visibleText';

/** Text with its invisible and direction-changing characters shown as marked code points. */
export function VisibleText({ text }: { text: string }) {
  const parts = visibleParts(text);
  if (parts.length === 1 && !parts[0].control) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) =>
        p.control ? (
          <span key={i} className="control-char" title="an invisible control character, shown by its code point">
            {p.text}
          </span>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
