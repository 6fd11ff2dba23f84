import type { correctionsZhCN } from './corrections.zh-CN.ts';
import type { Widen } from './widen.ts';

export const correctionsEn: Widen<typeof correctionsZhCN> = {
  title: 'Correct the position',
  corrected: 'Corrected ({who}, {when})',
  correctedByNobody: 'Corrected ({when})',
  original: 'Original position: {lon}, {lat}',
  revert: 'Restore original position',
  author: 'Corrected by',
  coordinates: 'Coordinates',
  coordinatesHint: 'e.g. 120.1, 30.9 or 30°52′N 120°05′30″E; latitude first works too',
  datum: 'Copied from',
  datums: {
    wgs84: 'GPS / WGS-84',
    gcj02: 'AMap, Tencent Maps (GCJ-02)',
    bd09: 'Baidu Maps (BD-09)',
  },
  note: 'Note',
  save: 'Save position',
  drag: 'Drag on the map',
  dragHint: 'Drag the blue marker on the map to the true spot; it is saved when you let go.',
  dragStop: 'Stop dragging',
  markerLabel: 'Drag to correct the position of “{name}”',
  reasons: {
    empty: 'Type the coordinates.',
    unreadable: 'Could not read two coordinates; write them as “longitude, latitude”.',
    badMinutes: 'Minutes and seconds must be below 60.',
    hemisphereTwice: 'Both numbers are marked as longitude, or both as latitude.',
    notFinite: 'The coordinates are not valid numbers.',
    outsideRegion:
      'That point is outside the mapped region (longitude {minLon}–{maxLon}, latitude {minLat}–{maxLat}).',
    unknownPlace: 'This place could not be found.',
  },
  outcome: {
    saved: 'Position saved.',
    reverted: 'Original position restored.',
    conflict:
      'Another window has just moved this place; the map shows the newest position. Use yours instead?',
    conflictReverted:
      'Another window has restored this place’s original position. Use yours instead?',
    keepMine: 'Use mine',
    keepTheirs: 'Keep theirs',
    storageFull:
      'Browser storage is full, so the position was not saved. Your input is kept; free some space and retry.',
    retry: 'Retry',
  },
};
