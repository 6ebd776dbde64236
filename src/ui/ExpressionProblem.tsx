import type { FilterProblem } from '../worker/protocol';

interface Props {
  /** The expression as tried (the problem's offsets point into it). */
  tried: string;
  problem: FilterProblem;
  id: string;
  /** Prefix of the test ids: `${testId}-problem` and `${testId}-token`. */
  testId: string;
}

/** A WHERE expression that cannot run: the text with the offending token marked, and the sentence saying why. */
export function ExpressionProblem({ tried, problem, id, testId }: Props) {
  return (
    <div id={id} className="filter-problem" role="alert" data-testid={`${testId}-problem`}>
      <code className="filter-tried">
        {tried.slice(0, problem.offset)}
        <mark data-testid={`${testId}-token`}>{tried.slice(problem.offset, problem.offset + problem.length) || ' '}</mark>
        {tried.slice(problem.offset + problem.length)}
      </code>
      <div>{problem.message}</div>
    </div>
  );
}
