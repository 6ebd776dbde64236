import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { DatasetSummary, FieldInfo } from '../worker/protocol';
import { TypeIcon } from './TypeIcon';
import { VisibleText } from './VisibleText';

const LONG = 120;

/** A metadata value: long ones (like the pandas JSON blob) collapsed, pretty-printed on demand. */
function MetaValue({ value }: { value: string }) {
  const [open, setOpen] = useState(false);
  if (value.length <= LONG) return <code><VisibleText text={value} /></code>;
  let pretty = value;
  try {
    pretty = JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    /* not JSON: shown as is */
  }
  return open ? (
    <div>
      <button className="link" onClick={() => setOpen(false)}>
        collapse
      </button>
      <pre className="meta-pre"><VisibleText text={pretty} /></pre>
    </div>
  ) : (
    <span>
      <code><VisibleText text={value.slice(0, LONG)} /></code>…{' '}
      <button className="link" onClick={() => setOpen(true)}>
        show all ({value.length.toLocaleString('en-US')} chars)
      </button>
    </span>
  );
}

function Metadata({ metadata }: { metadata: Record<string, string> }) {
  const entries = Object.entries(metadata);
  if (!entries.length) return null;
  return (
    <ul className="meta">
      {entries.map(([k, v]) => (
        <li key={k}>
          <span className="meta-key"><VisibleText text={k} /></span>: <MetaValue value={v} />
        </li>
      ))}
    </ul>
  );
}

/** One line of the tree: a field at its depth, with its place among its siblings (for assistive tech). */
interface FieldRow {
  field: FieldInfo;
  depth: number;
  position: number;
  siblings: number;
}

/** The tree as the lines it shows, depth first, without recursion (nesting can be thousands deep). */
function fieldRows(fields: readonly FieldInfo[]): FieldRow[] {
  const out: FieldRow[] = [];
  const stack: { list: readonly FieldInfo[]; next: number; depth: number }[] = [{ list: fields, next: 0, depth: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.next >= top.list.length) {
      stack.pop();
      continue;
    }
    const field = top.list[top.next++];
    out.push({ field, depth: top.depth, position: top.next, siblings: top.list.length });
    if (field.children.length) stack.push({ list: field.children, next: 0, depth: top.depth + 1 });
  }
  return out;
}

const ROW = 24;
const INDENT = 20;

function FieldLine({ row }: { row: FieldRow }) {
  const { field } = row;
  return (
    <>
      <div className="field">
        <TypeIcon typeId={field.typeId} />
        <span className="field-name"><VisibleText text={field.name} /></span>
        <span className="field-type">{field.type}</span>
        {!field.nullable && <span className="badge">not null</span>}
        {field.extension && <span className="badge">{field.extension}</span>}
        {field.physicalType && <span className="badge">{field.physicalType}</span>}
        {field.unsupported && <span className="badge warn" title={field.unsupported}>unsupported: {field.unsupported}</span>}
        {field.note && <span className="note">{field.note}</span>}
      </div>
      <Metadata metadata={field.metadata} />
    </>
  );
}

/**
 * The schema as a tree of fields with full types, nullability and metadata. Only the lines on screen
 * are rendered (a schema may have 100,000 fields): the tree is flat, each line naming its level.
 */
export function SchemaView({ summary }: { summary: DatasetSummary }) {
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => fieldRows(summary.fields), [summary.fields]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 20 });
  return (
    <div ref={scroller} className="schema" role="region" aria-label="Schema and metadata" tabIndex={0} style={{ flex: 1, minHeight: 0 }}>
      <ul role="tree" aria-label="Schema" data-testid="schema" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              role="treeitem"
              aria-expanded={row.field.children.length ? true : undefined}
              aria-level={row.depth + 1}
              aria-posinset={row.position}
              aria-setsize={row.siblings}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, paddingLeft: row.depth * INDENT, transform: `translateY(${item.start}px)` }}
            >
              <FieldLine row={row} />
            </li>
          );
        })}
      </ul>
      {Object.keys(summary.metadata).length > 0 && (
        <section>
          <h3>Schema metadata</h3>
          <Metadata metadata={summary.metadata} />
        </section>
      )}
    </div>
  );
}
