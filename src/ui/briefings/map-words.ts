/**
 * What an exported image or a printed map says beside the map, taken from the heatmap as it is
 * shown: the figure's name, the legend rows and the sources of its figures.
 */
import { legendLabel } from '../../domain/classification/legend.ts';
import { formatSourceCitation } from '../../domain/indicators/indicator-catalogue.ts';
import { formatNumber } from '../../domain/number-format.ts';
import type { Locale } from '../../domain/view-state.ts';
import type { Messages } from '../../i18n/index.ts';
import type { ImageLegendRow } from '../../map/map-image.ts';
import type { AppState } from '../../state/app-state.svelte.ts';
import type { HeatmapState } from '../../state/heatmap.svelte.ts';

/** The name of the mapped figure, or the app's title when none is mapped. */
export function mapFigureName(app: AppState, heatmap: HeatmapState): string {
  const measure = heatmap.measure;
  if (!measure) return `${app.messages.app.title} · ${app.messages.region[app.region]}`;
  const name = app.locale === 'en' ? measure.nameEn : measure.nameZh;
  const year = measure.year === null ? '' : ` · ${measure.year}`;
  return `${name}${year}`;
}

/** The legend as rows of colour and label, as the heatmap legend shows them. */
export function legendRows(app: AppState, heatmap: HeatmapState): ImageLegendRow[] {
  const unit = heatmap.unit;
  const t: Messages['heatmap'] = app.messages.heatmap;
  if (!heatmap.model || !unit) return [];
  return heatmap.model.legend.map((entry) => ({
    colour: entry.colour,
    label:
      entry.minValue === null || entry.maxValue === null
        ? `${t.legend.noData} (${entry.count})`
        : legendLabel(
            { minValue: entry.minValue, maxValue: entry.maxValue, count: entry.count },
            unit,
            app.locale,
          ),
  }));
}

/** The documents the shown figures come from, one citation each. */
export function figureSources(app: AppState, heatmap: HeatmapState): string[] {
  const measure = heatmap.measure;
  if (!measure) return [];
  const all = [...measure.districts, ...(measure.city ? [measure.city] : [])].flatMap(
    (d) => d.sources,
  );
  return [...new Set(all.map((s) => formatSourceCitation(s, app.locale)))];
}

/** A scale bar's length: kilometres from 1 km up, else metres. */
export function distanceLabel(metres: number, locale: Locale): string {
  return metres >= 1000
    ? `${formatNumber(metres / 1000, locale)} km`
    : `${formatNumber(metres, locale)} m`;
}
