// SafeReg outcome dashboard: the indicators of /api/v1/indicators drawn with ECharts (bundled as a webjar), with the
// token the console signed in with. A policy officer reads at a glance whether supervision is working.
'use strict';

const token = sessionStorage.getItem('safereg.token');
const $ = (id) => document.getElementById(id);
const charts = {};
const GRADES = { ESPECIALLY_SERIOUS: '特别重大', SERIOUS: '重大', LARGER: '较大', GENERAL: '一般' };
const TIER_COLOURS = { A: '#1e7b34', B: '#7cb342', C: '#f9a825', D: '#b3261e' };
const LEVEL_COLOURS = { RED: '#d32f2f', ORANGE: '#f57c00', YELLOW: '#fbc02d', BLUE: '#1976d2' };
const LEVEL_NAMES = { RED: '重大风险', ORANGE: '较大风险', YELLOW: '一般风险', BLUE: '低风险' };

function say(text, kind) {
  $('message').textContent = text || '';
  $('message').className = kind || '';
}

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  return { status: response.status, body };
}

function chart(id) {
  if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'svg' });
  return charts[id];
}

function query() {
  const q = new URLSearchParams();
  q.set('granularity', $('f-granularity').value);
  for (const [key, field] of [['region', 'f-region'], ['from', 'f-from'], ['to', 'f-to'], ['sector', 'f-sector']]) {
    const value = $(field).value.trim();
    if (value) q.set(key, value);
  }
  return q;
}

function line(name, data, extra = {}) {
  return { name, type: 'line', data, connectNulls: true, ...extra };
}

function percent(v) {
  return v == null ? null : Math.round(v * 1000) / 10;
}

/** One figure with its change against the first period shown: better or worse for supervision. */
function verdict(label, first, last, unit, lowerIsBetter) {
  let kind = 'same';
  let change = '';
  if (first != null && last != null && first !== last) {
    kind = (last < first) === lowerIsBetter ? 'better' : 'worse';
    change = `（期初 ${first}${unit}）`;
  }
  const node = document.createElement('div');
  node.className = 'verdict ' + kind;
  node.dataset.kind = kind;
  node.innerHTML = '';
  const title = document.createElement('div');
  title.textContent = label;
  const figure = document.createElement('div');
  figure.className = 'figure';
  figure.textContent = last == null ? '—' : `${last}${unit}`;
  const note = document.createElement('div');
  note.textContent = (kind === 'better' ? '▲ 向好 ' : kind === 'worse' ? '▼ 变差 ' : '') + change;
  node.append(title, figure, note);
  return node;
}

function firstAndLast(periods, pick) {
  const values = periods.map(pick).filter((v) => v != null);
  return [values.length ? values[0] : null, values.length ? values[values.length - 1] : null];
}

function drawIndicators(report) {
  const p = report.periods;
  const labels = p.map((x) => x.period);
  const last = p[p.length - 1];
  const verdicts = $('verdicts');
  verdicts.replaceChildren(
    verdict('事故起数（同比）', last.accidents.yearBefore, last.accidents.total, ' 起', true),
    verdict('平均整改天数', ...firstAndLast(p, (x) => x.rectification.meanDays), ' 天', true),
    verdict('人均检查次数', ...firstAndLast(p, (x) => x.inspections.perInspector), ' 次', false),
    verdict('发现违法的检查占比', ...firstAndLast(p, (x) => percent(x.inspections.violationShare)), '%', false),
    verdict('报警确认 P90', ...firstAndLast(p, (x) => x.alarms.p90AcknowledgeSeconds == null ? null : Math.round(x.alarms.p90AcknowledgeSeconds / 6) / 10), ' 分钟', true),
    verdict('自查上报隐患占比', ...firstAndLast(p, (x) => percent(x.hazards.selfReportedShare)), '%', false));

  const grades = Object.keys(GRADES);
  chart('chart-accidents').setOption({
    tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: labels }, yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...grades.map((g) => ({ name: GRADES[g], type: 'bar', stack: 'accidents', data: p.map((x) => x.accidents.byGrade[g] || 0) })),
      line('上年同期', p.map((x) => x.accidents.yearBefore), { lineStyle: { type: 'dashed' } }),
    ],
  }, true);
  chart('chart-rectification').setOption({
    tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: labels }, yAxis: { type: 'value', name: '天' },
    series: [line('平均', p.map((x) => x.rectification.meanDays)), line('P90', p.map((x) => x.rectification.p90Days))],
  }, true);
  chart('chart-inspections').setOption({
    tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: labels },
    yAxis: [{ type: 'value', name: '次/人' }, { type: 'value', name: '%', max: 100 }],
    series: [
      { name: '人均检查次数', type: 'bar', data: p.map((x) => x.inspections.perInspector) },
      line('发现违法占比 %', p.map((x) => percent(x.inspections.violationShare)), { yAxisIndex: 1 }),
    ],
  }, true);
  chart('chart-alarms').setOption({
    tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: labels },
    yAxis: [{ type: 'value', name: '分钟' }, { type: 'value', name: '次/点' }],
    series: [
      line('平均确认', p.map((x) => x.alarms.meanAcknowledgeSeconds == null ? null : Math.round(x.alarms.meanAcknowledgeSeconds / 6) / 10)),
      line('P90 确认', p.map((x) => x.alarms.p90AcknowledgeSeconds == null ? null : Math.round(x.alarms.p90AcknowledgeSeconds / 6) / 10)),
      { name: '每点报警', type: 'bar', yAxisIndex: 1, data: p.map((x) => x.alarms.perMonitoringPoint) },
    ],
  }, true);
  chart('chart-self').setOption({
    tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: labels }, yAxis: { type: 'value', name: '%', max: 100 },
    series: [line('自查上报占比 %', p.map((x) => percent(x.hazards.selfReportedShare)), { areaStyle: {} })],
  }, true);
  chart('chart-credit').setOption({
    tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: labels }, yAxis: { type: 'value', name: '企业' },
    series: Object.keys(TIER_COLOURS).map((tier) => ({ name: tier, type: 'bar', stack: 'credit', color: TIER_COLOURS[tier],
      data: p.map((x) => x.credit[tier] || 0) })),
  }, true);
  chart('chart-risk').setOption({
    tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: labels }, yAxis: { type: 'value', name: '企业' },
    series: Object.keys(LEVEL_COLOURS).map((level) => ({ name: LEVEL_NAMES[level], type: 'bar', stack: 'risk',
      color: LEVEL_COLOURS[level], data: p.map((x) => x.risk[level] || 0) })),
  }, true);
}

/** The province as tiles, one per sub-region, coloured by the share of its enterprises at red or orange. */
function drawHeatMap(map) {
  const regions = map.regions;
  const columns = Math.max(1, Math.ceil(Math.sqrt(regions.length)));
  const rows = Math.max(1, Math.ceil(regions.length / columns));
  const data = regions.map((r, i) => ({
    value: [i % columns, Math.floor(i / columns), Math.round(r.highRiskShare * 1000) / 10],
    name: r.regionName || r.region, region: r.region, enterprises: r.enterprises, levels: r.levels,
  }));
  chart('chart-heat').setOption({
    tooltip: { formatter: (x) => `${x.data.name}（${x.data.region}）<br>企业 ${x.data.enterprises}，红橙占比 ${x.data.value[2]}%<br>`
      + Object.entries(x.data.levels).map(([k, v]) => `${LEVEL_NAMES[k] || k} ${v}`).join('，') },
    xAxis: { type: 'category', data: [...Array(columns).keys()], show: false },
    yAxis: { type: 'category', data: [...Array(rows).keys()], show: false, inverse: true },
    visualMap: { min: 0, max: Math.max(10, ...data.map((d) => d.value[2])), calculable: true, orient: 'horizontal', left: 'center',
      bottom: 0, text: ['红橙占比高', '低'], inRange: { color: ['#1976d2', '#fbc02d', '#f57c00', '#d32f2f'] } },
    series: [{ name: '风险热力', type: 'heatmap', data,
      label: { show: true, formatter: (x) => `${x.data.name}\n${x.data.value[2]}%` }, itemStyle: { borderColor: '#fff', borderWidth: 2 } }],
  }, true);
}

async function refresh() {
  say('加载中……');
  const q = query();
  const [indicators, heat] = await Promise.all([
    api('/api/v1/indicators?' + q),
    api('/api/v1/indicators/heat-map?' + new URLSearchParams([...q].filter(([k]) => k === 'region' || k === 'sector'))),
  ]);
  if (indicators.status !== 200) return say([indicators.body.title, indicators.body.detail].filter(Boolean).join(': '), 'error');
  if (heat.status !== 200) return say([heat.body.title, heat.body.detail].filter(Boolean).join(': '), 'error');
  drawIndicators(indicators.body);
  drawHeatMap(heat.body);
  const s = indicators.body.scope;
  say(`${s.regionName || '全省'} · ${s.sector || '全部行业'} · ${s.from} 至 ${s.to} · 企业 ${indicators.body.enterprises} 家 · 用时 ${indicators.body.computedInMillis} ms`, 'ok');
  document.body.dataset.loaded = 'true';
}

if (!token) {
  say('请先在规则管理台登录（政策处室或监管人员账号）。', 'error');
  $('filters').hidden = true;
} else {
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  refresh();
}
