/**
 * The current map view as a picture of a chosen size (1920×1080, 3840×2160, a print page): a
 * second, hidden MapLibre map with the live map's style and camera draws at that size, and a
 * 2D canvas adds the title, legend and source line on top. The live map is never resized, so
 * the user's screen does not jump while an image is made.
 */
import { metresPerPixel, scaleBar, type ScaleBar } from '../domain/briefings/print-layout.ts';
import { Map as MapLibreMap } from 'maplibre-gl';
import { applyDistrictFills, moveDistrictFlag, NO_DISTRICTS } from './district-choropleth.layer.ts';
import { DISTRICT_STATE } from './layer-ids.ts';
import { CJK_FONT_FAMILY } from './map-controller.svelte.ts';

/** One legend row drawn on the image. */
export interface ImageLegendRow {
  colour: string;
  label: string;
}

/** Words drawn over the map; all optional, as a print page draws its own. */
export interface ImageOverlay {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: readonly ImageLegendRow[];
  /** The data source and credits line along the bottom. */
  footer: string;
  /** The north arrow's letter (北 / N). */
  north: string;
  /** A scale bar's length in words, e.g. `20 km`. */
  distanceLabel: (metres: number) => string;
}

export interface MapImageOptions {
  /** The picture's size in device pixels. */
  widthPx: number;
  heightPx: number;
  /**
   * Device pixels per CSS pixel: 2 at 3840×2160 shows the area a 1920×1080 screen shows, with
   * labels drawn twice as sharp rather than twice as small.
   */
  pixelRatio: number;
  /** District colours of the heatmap, as the live map has them in feature-state. */
  districtFills: ReadonlyMap<string, string>;
  selectedDistrictCode: string | null;
  overlay: ImageOverlay | null;
  /** Gives up after this long (a tile that never loads). */
  timeoutMs?: number;
}

/** MapLibre caps a canvas side at the GPU's limit; larger requests are refused up front. */
export const MAX_IMAGE_SIDE_PX = 8192;

function whenIdle(map: MapLibreMap, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('map image: timed out')), timeoutMs);
    map.once('idle', () => {
      clearTimeout(timer);
      resolve();
    });
    map.triggerRepaint();
  });
}

/** Draws the live map's current view, with an overlay, at `widthPx`×`heightPx`. */
export async function renderMapImage(
  live: MapLibreMap,
  options: MapImageOptions,
): Promise<HTMLCanvasElement> {
  const { widthPx, heightPx, pixelRatio } = options;
  if (widthPx > MAX_IMAGE_SIDE_PX || heightPx > MAX_IMAGE_SIDE_PX) {
    throw new Error(`map image: ${widthPx}×${heightPx} exceeds ${MAX_IMAGE_SIDE_PX} px`);
  }
  const container = document.createElement('div');
  // Off screen but laid out: MapLibre sizes its canvas from the container.
  container.style.cssText = `position:fixed;left:-${widthPx + 100}px;top:0;width:${widthPx / pixelRatio}px;height:${heightPx / pixelRatio}px;`;
  document.body.append(container);
  const map = new MapLibreMap({
    container,
    style: live.getStyle(),
    center: live.getCenter(),
    zoom: live.getZoom(),
    bearing: live.getBearing(),
    interactive: false,
    attributionControl: false,
    pixelRatio,
    fadeDuration: 0,
    localIdeographFontFamily: CJK_FONT_FAMILY,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  try {
    await new Promise<void>((resolve) => map.once('style.load', () => resolve()));
    for (const id of live.listImages()) {
      const image = live.getImage(id);
      if (image && !map.hasImage(id)) {
        map.addImage(id, image.data, { pixelRatio: image.pixelRatio, sdf: image.sdf });
      }
    }
    applyDistrictFills(map, NO_DISTRICTS, options.districtFills);
    moveDistrictFlag(map, DISTRICT_STATE.selected, null, options.selectedDistrictCode);
    await whenIdle(map, options.timeoutMs ?? 60_000);
    const out = document.createElement('canvas');
    out.width = widthPx;
    out.height = heightPx;
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('map image: no 2D canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, widthPx, heightPx);
    ctx.drawImage(map.getCanvas(), 0, 0, widthPx, heightPx);
    if (options.overlay) {
      drawOverlay(ctx, options.overlay, widthPx, heightPx);
      // Device pixels are CSS pixels × pixelRatio; the bar takes at most a fifth of the width.
      const cssPerPx = 1 / pixelRatio;
      const bar = scaleBar(
        metresPerPixel(map.getCenter().lat, map.getZoom()) * cssPerPx,
        widthPx / 5,
      );
      drawScaleAndNorth(ctx, options.overlay, bar, widthPx, heightPx);
    }
    return out;
  } finally {
    map.remove();
    container.remove();
  }
}

/** Scale bar and north arrow at the bottom right, above the source line. */
function drawScaleAndNorth(
  ctx: CanvasRenderingContext2D,
  overlay: ImageOverlay,
  bar: ScaleBar,
  widthPx: number,
  heightPx: number,
): void {
  const u = heightPx / 1080;
  const pad = 24 * u;
  const footerH = 16 * u + 2 * (8 * u);
  const labelSize = 20 * u;
  const barH = 8 * u;
  const boxW = bar.widthPx + 2 * pad;
  const boxH = labelSize + barH + 3 * pad;
  const x = widthPx - pad - boxW;
  const y = heightPx - footerH - pad - boxH;
  panel(ctx, x, y, boxW, boxH, u);
  const barX = x + pad;
  const barY = y + pad + labelSize + 8 * u;
  // Two-tone halves, as printed scale bars have.
  ctx.fillStyle = '#1f2933';
  ctx.fillRect(barX, barY, bar.widthPx / 2, barH);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(barX + bar.widthPx / 2, barY, bar.widthPx / 2, barH);
  ctx.strokeStyle = '#1f2933';
  ctx.lineWidth = 1.5 * u;
  ctx.strokeRect(barX, barY, bar.widthPx, barH);
  ctx.fillStyle = '#1f2933';
  ctx.font = font(labelSize, 600);
  ctx.textBaseline = 'top';
  ctx.textAlign = 'right';
  ctx.fillText(overlay.distanceLabel(bar.metres), barX + bar.widthPx, y + pad);
  ctx.textAlign = 'left';

  // North arrow above the scale box.
  const arrowH = 56 * u;
  const cx = widthPx - pad - 28 * u;
  const top = y - pad - arrowH - labelSize;
  ctx.beginPath();
  ctx.moveTo(cx, top);
  ctx.lineTo(cx + 14 * u, top + arrowH);
  ctx.lineTo(cx, top + arrowH * 0.72);
  ctx.lineTo(cx - 14 * u, top + arrowH);
  ctx.closePath();
  ctx.fillStyle = '#1f2933';
  ctx.fill();
  ctx.font = font(labelSize, 700);
  ctx.textAlign = 'center';
  ctx.fillText(overlay.north, cx, top + arrowH + 4 * u);
  ctx.textAlign = 'left';
}

function font(sizePx: number, weight = 400): string {
  return `${weight} ${Math.round(sizePx)}px ${CJK_FONT_FAMILY}`;
}

/** Title top left, legend bottom left, source line along the bottom, sized to the picture. */
function drawOverlay(
  ctx: CanvasRenderingContext2D,
  overlay: ImageOverlay,
  widthPx: number,
  heightPx: number,
): void {
  const u = heightPx / 1080;
  const pad = 24 * u;
  ctx.textBaseline = 'top';

  const titleSize = 44 * u;
  const subSize = 24 * u;
  ctx.font = font(titleSize, 700);
  const titleWidth = ctx.measureText(overlay.title).width;
  ctx.font = font(subSize);
  const subWidth = overlay.subtitle ? ctx.measureText(overlay.subtitle).width : 0;
  const boxW = Math.max(titleWidth, subWidth) + 2 * pad;
  const boxH = titleSize + (overlay.subtitle ? subSize + 10 * u : 0) + 2 * pad;
  panel(ctx, pad, pad, boxW, boxH, u);
  ctx.fillStyle = '#1f2a30';
  ctx.font = font(titleSize, 700);
  ctx.fillText(overlay.title, 2 * pad, 2 * pad);
  if (overlay.subtitle) {
    ctx.fillStyle = '#4a5a62';
    ctx.font = font(subSize);
    ctx.fillText(overlay.subtitle, 2 * pad, 2 * pad + titleSize + 10 * u);
  }

  const footerSize = 16 * u;
  const footerH = footerSize + 2 * (8 * u);
  ctx.fillStyle = 'rgba(255,255,255,0.88)';
  ctx.fillRect(0, heightPx - footerH, widthPx, footerH);
  ctx.fillStyle = '#33424a';
  ctx.font = font(footerSize);
  ctx.fillText(overlay.footer, pad, heightPx - footerH + 8 * u, widthPx - 2 * pad);

  if (overlay.legend.length === 0) return;
  const rowSize = 22 * u;
  const rowGap = 10 * u;
  const swatch = rowSize;
  ctx.font = font(rowSize);
  const labelW = Math.max(...overlay.legend.map((r) => ctx.measureText(r.label).width));
  ctx.font = font(rowSize, 700);
  const legendTitleW = ctx.measureText(overlay.legendTitle).width;
  const legW = Math.max(labelW + swatch + 12 * u, legendTitleW) + 2 * pad;
  const legH = (overlay.legend.length + 1) * (rowSize + rowGap) + 2 * pad - rowGap;
  const legX = pad;
  const legY = heightPx - footerH - pad - legH;
  panel(ctx, legX, legY, legW, legH, u);
  ctx.fillStyle = '#1f2a30';
  ctx.fillText(overlay.legendTitle, legX + pad, legY + pad);
  ctx.font = font(rowSize);
  overlay.legend.forEach((row, i) => {
    const y = legY + pad + (i + 1) * (rowSize + rowGap);
    ctx.fillStyle = row.colour;
    ctx.fillRect(legX + pad, y, swatch, swatch);
    ctx.strokeStyle = '#7a8a92';
    ctx.lineWidth = Math.max(1, u);
    ctx.strokeRect(legX + pad, y, swatch, swatch);
    ctx.fillStyle = '#1f2a30';
    ctx.fillText(row.label, legX + pad + swatch + 12 * u, y);
  });
}

function panel(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  u: number,
) {
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = '#c9c2b4';
  ctx.lineWidth = Math.max(1, u);
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 8 * u);
  ctx.fill();
  ctx.stroke();
}
