import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P> = ComponentType<P> & {
  /** Loads the code now; once loaded, the component renders at once. */
  preload(): Promise<void>;
};

/**
 * A component whose code loads the first time it is shown (or preloaded): editors the popup opens on
 * demand stay out of what it must load before its first render. Renders nothing while it loads.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const preload = () => (loading ??= load().then((component) => void (loaded = component)));
  function Lazy(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      void preload().then(() => live && setReady(true));
      return () => void (live = false);
    }, []);
    return loaded ? h(loaded, props) : null;
  }
  return Object.assign(Lazy, { preload });
}
