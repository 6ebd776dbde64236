/**
 * Label / value pairs as small cards, each as wide as its value: a value is never broken across lines
 * (not inside a word, a number or a timestamp); one wider than the page is cut with … and shown whole on hover.
 */
export function Facts({ facts, testId }: { facts: [string, string][]; testId?: string }) {
  return (
    <dl className="facts" data-testid={testId}>
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd title={v}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
