/**
 * Words for correcting where a place is. `reasons` words the rejection ids of
 * src/domain/places/coordinates.ts and src/persistence/place-corrections.repo.ts. Placeholders
 * are `{name}`.
 */
export const correctionsZhCN = {
  title: '位置校正',
  corrected: '已校正（{who}，{when}）',
  correctedByNobody: '已校正（{when}）',
  original: '原位置：{lon}, {lat}',
  revert: '恢复原位',
  author: '校正人',
  coordinates: '坐标',
  coordinatesHint: '如 120.1, 30.9 或 30°52′N 120°05′30″E，先纬度后经度也可',
  datum: '坐标来源',
  datums: {
    wgs84: 'GPS / WGS-84',
    gcj02: '高德、腾讯地图（GCJ-02）',
    bd09: '百度地图（BD-09）',
  },
  note: '备注',
  save: '保存位置',
  drag: '在地图上拖动',
  dragHint: '把地图上的蓝色标记拖到实际位置，松开即保存。',
  dragStop: '停止拖动',
  markerLabel: '拖动以校正“{name}”的位置',
  reasons: {
    empty: '请输入坐标。',
    unreadable: '读不出两个坐标数值，请写成“经度, 纬度”。',
    badMinutes: '分、秒须小于 60。',
    hemisphereTwice: '两个数都标成了经度或都标成了纬度。',
    notFinite: '坐标不是有效数字。',
    outsideRegion: '该点不在本图范围内（经度 {minLon}–{maxLon}，纬度 {minLat}–{maxLat}）。',
    unknownPlace: '找不到这个地点。',
  },
  outcome: {
    saved: '位置已保存。',
    reverted: '已恢复原位。',
    conflict: '另一个窗口刚改过这个地点的位置，地图上已是最新位置。要以你的输入为准吗？',
    conflictReverted: '另一个窗口已把这个地点恢复原位。要以你的输入为准吗？',
    keepMine: '以我的为准',
    keepTheirs: '保留现有',
    storageFull: '浏览器存储已满，位置未保存。你的输入已保留，请清理空间后重试。',
    retry: '重试',
  },
} as const;
