/**
 * A small picture of the live map for a briefing's slide list: the next frame MapLibre draws,
 * copied while its drawing buffer still holds it (the live map does not keep its buffer), cut
 * to 16:9 from the middle and scaled down to a JPEG data URL of a few kilobytes.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** The thumbnail's size in px: 16:9, sharp enough for a list at twice the pixel density. */
export const THUMBNAIL_SIZE_PX = { width: 256, height: 144 } as const;

/** JPEG quality: the map's flat fills compress well, labels stay legible. */
const JPEG_QUALITY = 0.8;

/** Gives up when no frame comes (a page in a background tab draws nothing). */
const FRAME_TIMEOUT_MS = 2000;

/**
 * The map as it is drawn next, or null when it cannot be read (no canvas, no 2D context, no
 * frame in time).
 */
export function captureThumbnail(map: MapLibreMap): Promise<string | null> {
  return new Promise((resolve) => {
    const onRender = () => {
      clearTimeout(timer);
      const source = map.getCanvas();
      const { width, height } = THUMBNAIL_SIZE_PX;
      const out = document.createElement('canvas');
      out.width = width;
      out.height = height;
      const context = out.getContext('2d');
      if (!context || source.width === 0 || source.height === 0) {
        resolve(null);
        return;
      }
      // Cover: the largest 16:9 part of the map, centred, so nothing is stretched.
      const scale = Math.max(width / source.width, height / source.height);
      const cropWidth = width / scale;
      const cropHeight = height / scale;
      context.imageSmoothingQuality = 'high';
      context.drawImage(
        source,
        (source.width - cropWidth) / 2,
        (source.height - cropHeight) / 2,
        cropWidth,
        cropHeight,
        0,
        0,
        width,
        height,
      );
      resolve(out.toDataURL('image/jpeg', JPEG_QUALITY));
    };
    const timer = setTimeout(() => {
      map.off('render', onRender);
      resolve(null);
    }, FRAME_TIMEOUT_MS);
    map.once('render', onRender);
    map.triggerRepaint();
  });
}
