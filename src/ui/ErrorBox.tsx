import type { ErrorInfo } from '../worker/protocol';

function where(info: ErrorInfo): string {
  const parts: string[] = [];
  if (info.where.chunk !== undefined) parts.push(`chunk ${info.where.chunk}`);
  if (info.where.column !== undefined) parts.push(`column ${info.where.column}`);
  if (info.where.offset !== undefined) parts.push(`byte ${info.where.offset.toLocaleString('en-US')}`);
  return parts.join(', ');
}

/** An error shown where it happened: what failed, where in the file, what still works. */
export function ErrorBox({ info, onClose }: { info: ErrorInfo; onClose?: () => void }) {
  const at = where(info);
  return (
    <div className="error" role="alert">
      <strong>{info.message}</strong>
      {at && <div className="error-where">At {at}.</div>}
      {info.stillWorks && <div className="error-still">{info.stillWorks}</div>}
      {onClose && (
        <button className="link" onClick={onClose} aria-label="Dismiss error">
          Dismiss
        </button>
      )}
    </div>
  );
}
