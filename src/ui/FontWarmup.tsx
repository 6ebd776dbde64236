import { useEffect, useState } from 'react';

/** Letters, digits and the signs the Overview writes (no word of its own: nothing here may match a search for the page's text). */
const TEXT = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 ,.;:%()<>[]{}_-+…—';
/** The glyphs of TypeIcon's labels (some, like ✓ Δ ∪ ∅, come from a fallback font). */
const ICONS = '#.0 Aa 01 ✓ DT TS Δ [n] { } K:V ∪ Dic ∅ 0n ?';

/**
 * The Overview's text in every font, size and weight it uses (its facts, reads meter, status lines and
 * column table, by their class names), laid out hidden once the page is idle after loading. The first
 * use of a font at a size makes Chromium ask the browser process for it, synchronously (on Linux a
 * font lookup for each family of the list that is missing, and its render style for the size): in a
 * W3 open those calls were in the frames where the Overview and then its column table first appear,
 * while the index walk kept both cores busy, and waited there. Made here they wait for nothing.
 * Nothing of it is shown or read out; it stays (hidden, size-contained, never laid out again).
 */
export function FontWarmup() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => setReady(true), { timeout: 1000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(() => setReady(true), 200);
    return () => clearTimeout(timer);
  }, []);
  if (!ready) return null;
  return (
    <div aria-hidden="true" data-testid="font-warmup" style={{ position: 'absolute', left: 0, top: 0, width: 0, height: 0, overflow: 'hidden', visibility: 'hidden', contain: 'strict' }}>
      <div className="status">{TEXT}</div>
      <div className="overview">
        <dl className="facts">
          <div>
            <dt>{TEXT}</dt>
            <dd>{TEXT}</dd>
          </div>
        </dl>
        <section className="meter">
          <h2>{TEXT}</h2>
          <dl className="meter-text">
            <div>
              <dt>{TEXT}</dt>
              <dd>{TEXT}</dd>
            </div>
          </dl>
          <p className="muted meter-note">{TEXT}</p>
        </section>
        <section className="column-summary">
          <h2>{TEXT}</h2>
          <p className="muted">
            {TEXT} <span className="link">{TEXT}</span>
          </p>
          <table className="column-table">
            <thead>
              <tr>
                <th>{TEXT}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th>
                  <span className="typeicon">{ICONS}</span> {TEXT}
                </th>
                <td className="type">{TEXT}</td>
                <td className="num">
                  {TEXT} <span className="muted">{TEXT}</span>
                  <div className="muted">{TEXT}</div>
                </td>
                <td>
                  <span className="share-cell">
                    <span className="share-track">
                      <span className="share-fill" style={{ width: 1 }} />
                    </span>
                    {TEXT}
                  </span>
                </td>
              </tr>
            </tbody>
            <tfoot>
              <tr>
                <th>{TEXT}</th>
                <td className="num">{TEXT}</td>
              </tr>
            </tfoot>
          </table>
        </section>
      </div>
    </div>
  );
}
