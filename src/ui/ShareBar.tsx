import { percent } from './format';

/** A share as text and a bar beside it; a non-zero share is never drawn zero wide. */
export function ShareBar({ part, whole }: { part: number; whole: number }) {
  const width = part > 0 ? `max(2px, ${Math.min(100, (part / Math.max(1, whole)) * 100)}%)` : '0';
  return (
    <span className="share-cell">
      <span className="share-track" aria-hidden="true">
        <span className="share-fill" style={{ width }} />
      </span>
      {percent(part, whole)}
    </span>
  );
}
