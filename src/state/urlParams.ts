// The query-string switches of the lab's address (issue 4): they say how to show the page, while
// the hash (shareState.ts) says what is simulated. `?preset=<id>` loads a preset by name;
// `embed` gives the minimal chrome for an iframe; `autoplay` and `loop` are for embedded frames and
// slides; `present` starts presenter mode on the preset. Flags count when present and not "0"/"false".

export interface UrlParams {
  preset: string | null;
  embed: boolean;
  autoplay: boolean;
  loop: boolean;
  present: boolean;
}

const flag = (params: URLSearchParams, name: string): boolean => {
  const value = params.get(name);
  return value !== null && value !== '0' && value.toLowerCase() !== 'false';
};

export function readUrlParams(search: string): UrlParams {
  const params = new URLSearchParams(search);
  const preset = params.get('preset');
  return {
    preset: preset === null || preset === '' ? null : preset,
    embed: flag(params, 'embed'),
    autoplay: flag(params, 'autoplay'),
    loop: flag(params, 'loop'),
    present: flag(params, 'present'),
  };
}

/**
 * The query string to keep once the hash carries the state: the one-shot `preset` and `present`
 * requests are dropped (the hash now names the preset), the display switches stay.
 */
export function persistentSearch(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('preset');
  params.delete('present');
  const rest = params.toString();
  return rest === '' ? '' : `?${rest}`;
}

export interface EmbedOptions {
  autoplay: boolean;
  loop: boolean;
}

/** The query string of an embedded frame's address. */
export function embedSearch({ autoplay, loop }: EmbedOptions): string {
  return `?embed=1${autoplay ? '&autoplay=1' : ''}${loop ? '&loop=1' : ''}`;
}
