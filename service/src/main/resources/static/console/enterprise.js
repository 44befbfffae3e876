// An enterprise's own page: why its credit tier and risk level are what they are, and the smallest changes of its
// facts that the rules in force say would lift the tier (GET /api/v1/enterprises/{code}/guidance).
'use strict';

const $ = (id) => document.getElementById(id);
let chart;

function claims(jwt) {
  try {
    return JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  } catch (e) {
    return {};
  }
}

function item(text) {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

async function show() {
  const token = $('token').value.trim().replace(/^Bearer\s+/i, '');
  const code = $('code').value.trim();
  sessionStorage.setItem('safereg.token', token);
  const response = await fetch(`/api/v1/enterprises/${encodeURIComponent(code)}/guidance`,
    { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json', 'Accept-Language': 'zh-CN' } });
  const body = await response.json().catch(() => ({}));
  if (response.status !== 200) {
    $('message').textContent = [body.title, body.detail].filter(Boolean).join(': ');
    $('message').className = 'error';
    return;
  }
  $('message').textContent = '';
  $('page').hidden = false;
  $('headline').textContent = `${body.name}：信用 ${body.credit.tier} 级，${body.risk ? body.risk.name : '风险等级尚未评定'}`;
  $('summary').replaceChildren(...body.summary.map(item));
  $('improvements').replaceChildren(...(body.credit.improvements.length
    ? body.credit.improvements.map((i) => item(i.sentence))
    : [item(body.credit.tier === 'A' ? '已是最高等级。' : '在现行规则下没有能提升等级的事实变化，见上文原因。')]));
  const indicators = body.credit.indicators;
  if (!chart) chart = echarts.init($('chart-indicators'), null, { renderer: 'svg' });
  chart.setOption({
    tooltip: { trigger: 'axis' }, legend: {},
    xAxis: { type: 'category', data: indicators.map((i) => i.name) }, yAxis: { type: 'value', name: '分' },
    series: [
      { name: '计入总分', type: 'bar', stack: 's', data: indicators.map((i) => Math.round((i.points * i.weightPercent) / 10) / 10) },
      { name: '可提高', type: 'bar', stack: 's', color: '#f57c00', data: indicators.map((i) => i.gainAtBest) },
    ],
  }, true);
  document.body.dataset.loaded = 'true';
}

const saved = sessionStorage.getItem('safereg.token');
if (saved) {
  $('token').value = saved;
  if (claims(saved).enterprise_id) $('code').value = claims(saved).enterprise_id;
}
$('show').addEventListener('click', show);
