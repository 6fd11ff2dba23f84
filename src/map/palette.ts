/** Basemap colours: muted so that later thematic layers (choropleths, zones) stand out. */
export interface BasemapPalette {
  sea: string;
  land: string;
  zhejiang: string;
  prefectureLine: string;
  districtFillActive: string;
  districtFillOther: string;
  districtLineActive: string;
  districtLineOther: string;
  water: string;
  river: string;
  labelText: string;
  labelMuted: string;
  labelHalo: string;
  town: string;
  schematic: string;
  highlight: string;
}

export const LIGHT_PALETTE: BasemapPalette = {
  sea: '#c6dcec',
  land: '#ebe7df',
  zhejiang: '#f3f0e9',
  prefectureLine: '#b3a99b',
  districtFillActive: '#fffdf8',
  districtFillOther: '#f6f3ec',
  districtLineActive: '#5c4d3f',
  districtLineOther: '#a89c8d',
  water: '#b5d3e8',
  river: '#8fbbd9',
  labelText: '#2f261d',
  labelMuted: '#7c7064',
  labelHalo: '#ffffff',
  town: '#6f6357',
  schematic: '#b4532a',
  highlight: '#1d1a16',
};
