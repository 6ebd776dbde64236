/** Label / value pairs as a grid of small cards. */
export function Facts({ facts, testId }: { facts: [string, string][]; testId?: string }) {
  return (
    <dl className="facts" data-testid={testId}>
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
