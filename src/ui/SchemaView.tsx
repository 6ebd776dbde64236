import { useState } from 'react';
import type { DatasetSummary, FieldInfo } from '../worker/protocol';
import { TypeIcon } from './TypeIcon';

const LONG = 120;

/** A metadata value: long ones (like the pandas JSON blob) collapsed, pretty-printed on demand. */
function MetaValue({ value }: { value: string }) {
  const [open, setOpen] = useState(false);
  if (value.length <= LONG) return <code>{value}</code>;
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
      <pre className="meta-pre">{pretty}</pre>
    </div>
  ) : (
    <span>
      <code>{value.slice(0, LONG)}…</code>{' '}
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
          <span className="meta-key">{k}</span>: <MetaValue value={v} />
        </li>
      ))}
    </ul>
  );
}

function FieldNode({ field, depth }: { field: FieldInfo; depth: number }) {
  return (
    <li role="treeitem" aria-expanded={field.children.length ? true : undefined} aria-level={depth + 1}>
      <div className="field">
        <TypeIcon typeId={field.typeId} />
        <span className="field-name">{field.name}</span>
        <span className="field-type">{field.type}</span>
        {!field.nullable && <span className="badge">not null</span>}
        {field.extension && <span className="badge">{field.extension}</span>}
        {field.physicalType && <span className="badge">{field.physicalType}</span>}
        {field.unsupported && <span className="badge warn" title={field.unsupported}>unsupported: {field.unsupported}</span>}
        {field.note && <span className="note">{field.note}</span>}
      </div>
      <Metadata metadata={field.metadata} />
      {field.children.length > 0 && (
        <ul role="group">
          {field.children.map((c, i) => (
            <FieldNode key={i} field={c} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The schema as a tree of fields with full types, nullability and metadata. */
export function SchemaView({ summary }: { summary: DatasetSummary }) {
  return (
    <div className="schema" role="region" aria-label="Schema and metadata" tabIndex={0}>
      <ul role="tree" aria-label="Schema" data-testid="schema">
        {summary.fields.map((f, i) => (
          <FieldNode key={i} field={f} depth={0} />
        ))}
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
