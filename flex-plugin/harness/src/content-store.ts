import type * as FlexUI from '@twilio/flex-ui';
import type * as ReactTypes from 'react';

/**
 * The harness's version of Flex's DynamicContentStore: plugins call `add`, `remove` and `replace`
 * on `Flex.<Component>.Content`, and the page renders the result.
 */

/** Flex keys fragments by the element's key; the harness also accepts `key` in the options. */
export type FragmentOptions = FlexUI.ContentFragmentProps & { key?: ReactTypes.Key };

export interface Fragment {
  key: ReactTypes.Key;
  element: ReactTypes.ReactElement;
  options: FlexUI.ContentFragmentProps;
  /** Insertion order, to keep equal sortOrders stable. */
  sequence: number;
}

interface RemoveRequest {
  key: ReactTypes.Key;
  options: FlexUI.RemoveComponentCallOptions;
}

export class ContentStore {
  readonly name: string;

  private fragments: Fragment[] = [];

  private removals: RemoveRequest[] = [];

  private replacement: Fragment | null = null;

  private sequence = 0;

  private readonly listeners = new Set<() => void>();

  constructor(name: string) {
    this.name = name;
  }

  /**
   * Adds a fragment. Its key is `options.key`, else the element's key; Flex itself uses the
   * element's key, so plugins should set it there too.
   */
  add(child: ReactTypes.ReactElement, options: FragmentOptions = {}): FlexUI.CleanupFunction {
    const fragment = this.fragmentOf(child, options);
    if (this.fragments.some((existing) => existing.key === fragment.key)) {
      console.warn(`[harness] ${this.name}.Content.add: key "${String(fragment.key)}" is already used`);
    }
    this.fragments = [...this.fragments, fragment];
    this.changed();
    return () => {
      this.fragments = this.fragments.filter((existing) => existing !== fragment);
      this.changed();
    };
  }

  remove(key: ReactTypes.Key, options: FlexUI.RemoveComponentCallOptions = {}): FlexUI.CleanupFunction {
    const request: RemoveRequest = { key, options };
    this.removals = [...this.removals, request];
    this.changed();
    return () => {
      this.removals = this.removals.filter((existing) => existing !== request);
      this.changed();
    };
  }

  /** Like Flex: the custom component takes the place of the component's whole content. */
  replace(customComponent: ReactTypes.ReactElement, options: FragmentOptions = {}): FlexUI.CleanupFunction {
    const fragment = this.fragmentOf(customComponent, { ...options, replace: true });
    this.replacement = fragment;
    this.changed();
    return () => {
      if (this.replacement === fragment) {
        this.replacement = null;
        this.changed();
      }
    };
  }

  /**
   * What to render for a component rendered with `props`, in order. With `align`, only the
   * fragments of that section: Flex's MainHeader and SideNav render a start and an end
   * ContentFragment, and an item added without `align` goes to the start one.
   */
  visibleFragments(props: object, align?: 'start' | 'end'): Fragment[] {
    const applies = (condition: FlexUI.ContentFragmentConditionFunction | undefined): boolean =>
      condition === undefined || Boolean(condition(props));

    if (this.replacement && applies(this.replacement.options.if)) {
      return [this.replacement];
    }
    return this.fragments
      .filter((fragment) => align === undefined || (fragment.options.align ?? 'start') === align)
      .filter((fragment) => applies(fragment.options.if))
      .filter(
        (fragment) => !this.removals.some((request) => request.key === fragment.key && applies(request.options.if)),
      )
      .sort((a, b) => (a.options.sortOrder ?? 0) - (b.options.sortOrder ?? 0) || a.sequence - b.sequence);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private fragmentOf(element: ReactTypes.ReactElement, options: FragmentOptions): Fragment {
    this.sequence += 1;
    const { key: optionKey, ...fragmentOptions } = options;
    const key = optionKey ?? element.key ?? `${this.name}-fragment-${this.sequence}`;
    return { key, element, options: fragmentOptions, sequence: this.sequence };
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }
}
