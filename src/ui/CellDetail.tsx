import { useState } from 'react';
import type { CellText } from '../worker/protocol';
import { prettyNested } from './prettyNested';
import { VisibleText } from './VisibleText';

/** The whole value of the selected cell; nested (JSON-like) values pretty-printed and expandable. */
export function CellDetail({ text }: { text: CellText }) {
  const [open, setOpen] = useState(false);
  if (text === null) return <span className="null">null</span>;
  if (typeof text === 'object') return <span className="cell-error">Not shown: {text.error}</span>;
  const pretty = prettyNested(text);
  if (!pretty) return <span className="cell-text"><VisibleText text={text} /></span>;
  return open ? (
    <>
      <button className="link" onClick={() => setOpen(false)}>
        collapse
      </button>
      <pre className="meta-pre"><VisibleText text={pretty} /></pre>
    </>
  ) : (
    <>
      <span className="cell-text"><VisibleText text={text.length > 200 ? `${text.slice(0, 200)}…` : text} /></span>{' '}
      <button className="link" onClick={() => setOpen(true)}>
        expand
      </button>
    </>
  );
}
