import { BufferTarget, CanvasSource, Mp4OutputFormat, Output, Quality, canEncodeVideo, type VideoCodec } from 'mediabunny';
import { clearMp4Times } from './mp4Times.ts';

// Canvas frames → an MP4 file, encoded by the browser (WebCodecs) and put in the container by
// Mediabunny, a maintained pure-TypeScript muxer. The same state must give the same file, so the
// first choice is VP9: libvpx gives the same bytes for the same frames (measured: three encodes of
// the same 30 frames, byte-identical; AV1 too). Chromium's software H.264 encoder does not, in any
// mode WebCodecs offers (variable, constant or realtime rate control, 4 or 100 Mbit/s, Baseline or
// High profile: three encodes, three different files of about the same size; its quantizer mode is
// not supported), so H.264 is the second choice, for the slide tools that play nothing else
// (Keynote and PowerPoint for Mac). Without either codec the export is a GIF. The muxer's
// wall-clock timestamps are cleared (mp4Times.ts), so with VP9 the whole file is reproducible.

/** In order of preference: the first this browser can encode is the default. */
export const VIDEO_CODECS = ['vp9', 'avc'] as const satisfies readonly VideoCodec[];
export type SlideVideoCodec = (typeof VIDEO_CODECS)[number];

/** Lane diagrams and charts are flat colour and thin lines: "high" keeps the text sharp. */
const QUALITY = new Quality('high');

/** The codecs this browser can encode at this size (none without WebCodecs). */
export async function videoCodecsFor(width: number, height: number): Promise<SlideVideoCodec[]> {
  if (typeof VideoEncoder === 'undefined') return [];
  const usable = await Promise.all(VIDEO_CODECS.map((codec) => canEncodeVideo(codec, { width, height, quality: QUALITY })));
  return VIDEO_CODECS.filter((_, i) => usable[i]);
}

export interface VideoWriter {
  /** Encodes the canvas as it is now, shown from `timestampSec` for `durationSec`. */
  addFrame: (timestampSec: number, durationSec: number) => Promise<void>;
  finish: () => Promise<Uint8Array<ArrayBuffer>>;
  cancel: () => Promise<void>;
}

export async function createVideoWriter(canvas: HTMLCanvasElement, codec: VideoCodec, fps: number): Promise<VideoWriter> {
  const target = new BufferTarget();
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target });
  const source = new CanvasSource(canvas, {
    codec,
    quality: QUALITY,
    latencyMode: 'quality',
    // Software encoding: the output does not depend on a GPU or its driver.
    hardwareAcceleration: 'prefer-software',
    // A key frame each second: slide tools seek and loop cleanly.
    keyFrameInterval: 1,
  });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  return {
    addFrame: (timestampSec, durationSec) => source.add(timestampSec, durationSec),
    finish: async () => {
      await output.finalize();
      if (!target.buffer) throw new Error('The video encoder produced no file.');
      return clearMp4Times(new Uint8Array(target.buffer));
    },
    cancel: () => output.cancel(),
  };
}
