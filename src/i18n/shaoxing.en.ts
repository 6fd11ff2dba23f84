import type { shaoxingZhCN } from './shaoxing.zh-CN.ts';
import type { Widen } from './widen.ts';

export const shaoxingEn: Widen<typeof shaoxingZhCN> = {
  panel: {
    title: 'Shaoxing main indicators',
    subtitle: 'Traditional-industry upgrading pilot plan: 2016 actual, 2020 and 2025 targets',
    legendActual: 'Actual',
    legendTarget: 'Target',
    unit: 'Unit: {unit}',
    actualIn: '{year} actual',
    targetIn: '{year} target',
    yearRange: '{from}–{to}',
    noFigure: 'no figure',
    note: 'Note in the seed table: {text}',
    source: 'Source: {citation}',
    chartLabel: 'Trend of {name}: {values}',
    figure: '{label} {value}',
    figureSeparator: '; ',
  },
  categories: {
    industry_structure: 'Industrial structure',
    innovation: 'Innovation',
    green: 'Green development',
    output: 'Output',
  },
  unplaced: {
    title: 'Places counted in no district ({count})',
    hint: 'The plan does not say which district these are in, so district counts leave them out.',
  },
  placeTypes: {
    development_zone: 'Development zone',
    industrial_park: 'Industrial park',
    industrial_cluster_zone: 'Industrial cluster zone',
    industrial_belt: 'Industrial belt',
    specialty_town: 'Specialty town',
    township: 'Town',
    market: 'Specialised market',
    cluster: 'Industrial cluster',
    regional_title: 'Regional title',
    pilot: 'Pilot',
    demonstration_base: 'Demonstration base',
    design_base: 'Creative design base',
    innovation_platform: 'Innovation platform',
    service_centre: 'Service centre',
    platform_program: 'Platform programme',
  },
};
