import { useEffect, useState } from 'react';
import { frameLayout, type FrameLayout } from './frameLayout.ts';

/** The layout for the frame's current size (the iframe's viewport), updated when it is resized. */
export function useFrameLayout(): FrameLayout {
  const read = () => frameLayout(window.innerWidth, window.innerHeight);
  const [layout, setLayout] = useState(read);
  useEffect(() => {
    const onResize = () => setLayout(frameLayout(window.innerWidth, window.innerHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return layout;
}
