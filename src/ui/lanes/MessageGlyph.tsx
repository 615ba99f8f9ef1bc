import type { LegendEntry } from './messageKinds.ts';

// One small SVG shape per kind of message, centred on (0, 0). Shape, fill (solid = carries data,
// hollow = carries none) and outline style tell the kinds apart; colour only adds to that.

export type GlyphName = LegendEntry['glyph'];

interface Props {
  glyph: GlyphName;
  /** The lane's colour, used for the messages that carry data. */
  color: string;
  /** +1 when travelling toward the server, −1 toward the client. */
  direction?: 1 | -1;
}

const FG = 'var(--fg)';
const BG = 'var(--bg)';
const ERR = 'var(--error)';

function Cross({ size, color }: { size: number; color: string }) {
  return <path d={`M${-size} ${-size}L${size} ${size}M${size} ${-size}L${-size} ${size}`} stroke={color} strokeWidth={2} />;
}

function Envelope({ fill, stroke }: { fill: string; stroke: string }) {
  return (
    <>
      <rect x={-8} y={-5.5} width={16} height={11} rx={1.5} fill={fill} stroke={stroke} strokeWidth={1.5} />
      <path d="M-8 -5.5L0 1L8 -5.5" fill="none" stroke={stroke} strokeWidth={1.25} />
    </>
  );
}

export function MessageGlyph({ glyph, color, direction = 1 }: Props) {
  switch (glyph) {
    case 'request':
      return <path d="M-6 -6L7 0L-6 6Z" transform={`scale(${direction} 1)`} fill={BG} stroke={FG} strokeWidth={1.75} strokeLinejoin="round" />;
    case 'emptyResponse':
      return <circle r={6} fill={BG} stroke={FG} strokeWidth={1.75} strokeDasharray="2.5 2" />;
    case 'dataResponse':
      return <circle r={7} fill={color} stroke={FG} strokeWidth={1.5} />;
    case 'sseEvent':
      return <path d="M0 -7.5L7.5 0L0 7.5L-7.5 0Z" fill={color} stroke={FG} strokeWidth={1.5} />;
    case 'wsFrame':
      return <rect x={-5} y={-5} width={10} height={10} fill={color} stroke={FG} strokeWidth={1.5} />;
    case 'keepAlive':
      return <circle r={3.5} fill="none" stroke={FG} strokeWidth={1.5} />;
    case 'webhookAttempt':
      return <Envelope fill={color} stroke={FG} />;
    case 'ack':
      return (
        <>
          <circle r={6.5} fill={BG} stroke={FG} strokeWidth={1.5} />
          <path d="M-3.5 0L-1 3L4 -3" fill="none" stroke={FG} strokeWidth={1.75} />
        </>
      );
    case 'failed':
      return (
        <>
          <Envelope fill={BG} stroke={ERR} />
          <Cross size={3.5} color={ERR} />
        </>
      );
    case 'handshake':
      return (
        <>
          <rect x={-10} y={-6} width={20} height={12} rx={6} fill={BG} stroke={FG} strokeWidth={1.5} />
          <path d="M-6 -2H6M3.5 -4.5L6 -2M6 2H-6M-3.5 4.5L-6 2" fill="none" stroke={FG} strokeWidth={1.25} />
        </>
      );
    case 'refused':
      return (
        <>
          <circle r={7} fill={BG} stroke={ERR} strokeWidth={1.75} />
          <Cross size={3.5} color={ERR} />
        </>
      );
    case 'close':
      return (
        <>
          <path d="M0 -8V8" stroke={FG} strokeWidth={3} />
          <path d="M-4 -8H4M-4 8H4" stroke={FG} strokeWidth={1.5} />
        </>
      );
    case 'held':
      return (
        <>
          <rect x={-11} y={-7} width={22} height={14} rx={7} fill={color} stroke={FG} strokeWidth={1.5} />
          <path d="M-2.5 -3.5V3.5M2.5 -3.5V3.5" stroke={FG} strokeWidth={2} />
        </>
      );
    case 'retryWait':
      return <path d="M-5 -7H5L-5 7H5Z" fill={BG} stroke={FG} strokeWidth={1.5} strokeLinejoin="round" />;
    case 'stream':
      return <path d="M-13 0H13" stroke={color} strokeWidth={6} className="lane-stream" />;
    case 'proxyCut':
      // A break in the row: two slashes across it.
      return <path d="M-5 -8L-1 8M1 -8L5 8" stroke={ERR} strokeWidth={2} />;
    case 'outage':
      return <rect x={-9} y={-9} width={18} height={18} rx={3} className="lane-outage-sample" />;
    case 'dropped':
      return (
        <g opacity={0.55}>
          <circle r={6} fill={BG} stroke={FG} strokeWidth={1.5} strokeDasharray="2 2" />
          <Cross size={5} color={ERR} />
        </g>
      );
  }
}
