import type { Widen } from './widen.ts';
import { actualsZhCN } from './actuals.zh-CN.ts';
import { briefingsZhCN } from './briefings.zh-CN.ts';
import { correctionsZhCN } from './corrections.zh-CN.ts';
import { dataZhCN } from './data.zh-CN.ts';
import { evaluationZhCN } from './evaluation.zh-CN.ts';
import { heatmapZhCN } from './heatmap.zh-CN.ts';
import { importsZhCN } from './imports.zh-CN.ts';
import { placesZhCN } from './places.zh-CN.ts';
import { shaoxingZhCN } from './shaoxing.zh-CN.ts';
import { zonesZhCN } from './zones.zh-CN.ts';

/**
 * The Chinese dictionary is the reference: every other language must provide the same keys.
 * Features with many messages keep them in their own `<feature>.zh-CN.ts` / `<feature>.en.ts`
 * pair, registered here and in en.ts.
 */
export const zhCN = {
  app: {
    title: '亩均一张图',
    subtitle: '工业用地与产业集群',
    skipToMap: '跳到地图',
  },
  region: {
    label: '地区',
    huzhou: '湖州',
    shaoxing: '绍兴',
  },
  language: {
    switchLabel: '切换语言',
    /** The name of the other language, shown on the switch. */
    other: 'English',
  },
  map: {
    label: '地图',
    loading: '地图加载中…',
    loadFailed: '地图数据加载失败：{detail}',
    attribution:
      '地图数据：echarts 行政区划（GCJ-02 已转换）· GeoNames（CC BY 4.0）· Natural Earth · © OpenStreetMap 贡献者（ODbL）',
    webglMissing: '此浏览器无法显示地图（需要 WebGL）。',
  },
  layers: {
    title: '图层',
    districts: '区县边界',
    functionalZones: '功能区（示意）',
    towns: '乡镇',
    water: '水系',
    prefectures: '浙江地级市',
    parks: '园区/平台',
    specialtyTowns: '特色小镇/集群',
    enterprises: '重点企业',
    projects: '重点项目',
    enterpriseDensity: '企业密度',
    industryHulls: '产业集群范围',
    schematicSuffix: '（示意）',
    schematicNote: '南太湖新区无官方边界，以示意点表示。',
  },
  sources: {
    open: '数据来源',
    title: '数据来源与许可',
    close: '关闭',
    mapData: '地图数据',
    layer: '图层',
    source: '来源',
    licence: '许可',
    vintage: '年份',
    notes: '说明',
    archive: '瓦片包',
    archiveSize: '大小',
    noNetwork: '本应用只读取本机自带的数据，不向外部发送任何请求。',
    loadFailed: '无法读取数据清单：{detail}',
  },
  heatmap: heatmapZhCN,
  shaoxing: shaoxingZhCN,
  actuals: actualsZhCN,
  corrections: correctionsZhCN,
  evaluation: evaluationZhCN,
  places: placesZhCN,
  briefings: briefingsZhCN,
  zones: zonesZhCN,
  imports: importsZhCN,
  data: dataZhCN,
  units: {
    byte: '字节',
    kilobyte: 'KB',
    megabyte: 'MB',
  },
} as const;

/** The shape every dictionary has; a missing or extra key fails typecheck. */
export type Messages = Widen<typeof zhCN>;
