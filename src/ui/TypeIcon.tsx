const ICONS: Record<string, string> = {
  int: '#',
  float: '#.',
  decimal: '0.0',
  utf8: 'Aa',
  binary: '01',
  bool: '✓',
  date: 'D',
  time: 'T',
  timestamp: 'TS',
  duration: 'Δ',
  interval: 'Δ',
  list: '[ ]',
  fixed_size_list: '[n]',
  struct: '{ }',
  map: 'K:V',
  union: '∪',
  dictionary: 'Dic',
  null: '∅',
  fixed_size_binary: '0n',
};

export function TypeIcon({ typeId }: { typeId: string }) {
  return (
    <span className={`typeicon t-${typeId}`} aria-hidden="true">
      {ICONS[typeId] ?? '?'}
    </span>
  );
}
