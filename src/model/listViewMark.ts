import type { DataType } from 'apache-arrow';

export type ListViewName = 'list_view' | 'large_list_view';

/**
 * A list type standing for a stored list view (Arrow JS has no list-view type): its values print as
 * the list's, and its name is the view's. The mark is a property of the type object, kept by
 * withChildren.
 */
export function markListView<T extends DataType>(type: T, name: ListViewName): T {
  (type as { listView?: ListViewName }).listView = name;
  return type;
}

/** The list view a list type stands for (markListView), or undefined. */
export function listViewName(type: DataType): ListViewName | undefined {
  return (type as { listView?: ListViewName }).listView;
}
