// SafeReg policy console: plain pages over the rule-set API, with the signed-in user's own token.
'use strict';

const TEXT = {
  zh: {
    title: 'SafeReg 规则管理台', versions: '版本', upload: '上传', audit: '审计记录', signIn: '登录', signOut: '退出',
    tokenLabel: '访问令牌（Bearer token）', devSignIn: '开发环境登录（仅内置默认模式）', subject: '用户名', role: '角色',
    signedInAs: '已登录：', version: '版本', state: '状态', active: '生效中', author: '上传人', comment: '说明',
    created: '时间', problems: '错误', warnings: '警告', files: '文件（.xlsx 决策表、.drl、.dmn 模型或 .examples.json 示例）', base: '基于版本（留空为当前生效版本）',
    submit: '上传', uploaded: '已创建候选版本', exists: '此内容的版本已存在', rejected: '版本未通过检查，未能生效，以下为全部问题：',
    refused: '文件被拒绝', workbook: '文件', sheet: '工作表', cell: '单元格', cellText: '单元格内容', what: '问题',
    noProblems: '没有错误，没有警告。', tabProblems: '检查结果', tabExamples: '示例测试', tabDiff: '与生效版本对比',
    tabImpact: '影响评估', tabDrl: '生成的 DRL', approve: '批准（四眼原则）', activate: '激活', rollback: '回滚到此版本',
    reason: '原因（记入审计）', confirm: '确认', cancel: '取消', activated: '已激活，所有实例随即切换', approved: '已批准',
    notAvailable: '此功能在本服务上不可用', source: '来源', where: '位置', name: '案例', inputs: '输入', expected: '期望',
    actual: '实际', result: '结果', pass: '通过', fail: '未通过', passedCount: '通过', failedCount: '未通过',
    status: '变化', row: '行', rule: '规则', cells: '单元格变化', unchanged: '未变化', runImpact: '按当前数据评估影响',
    running: '正在评估……', credit: '信用等级', risk: '风险等级', inspection: '检查工作量（次/年）', alarms: '报警',
    tabModels: 'DMN 决策表', hitPolicy: '命中策略', annotation: '注释', noModels: '此版本没有 DMN 模型。', decision: '决策',
    enterprises: '企业数', changed: '变化', up: '改善', down: '变差', region: '地区', sector: '行业', before: '之前',
    after: '之后', readings: '最新读数', differently: '报警不同', raised: '升级', lowered: '降级', point: '监测点',
    enforcementImpact: '执法裁量决定', decisions: '决定', bandChanged: '裁量档次', finesChanged: '罚款幅度', suspensionChanged: '停产停业整顿', dailyFineChanged: '按日连续处罚', undecidable: '无法决定',
    tier: '等级', visits: '检查次数', when: '时间', actor: '操作人', action: '操作', noImpact: '尚未评估。',
    pick: '选择决策表', drlFor: 'DRL：', back: '返回版本列表', loading: '加载中……', line: '行号',
    eta: '预计完成', queued: '排队中', jobFailed: '评估失败',
    dashboard: '成效看板',
  },
  en: {
    title: 'SafeReg policy console', versions: 'Versions', upload: 'Upload', audit: 'Audit trail', signIn: 'Sign in',
    signOut: 'Sign out', tokenLabel: 'Access token (bearer)', devSignIn: 'Development sign-in (embedded default only)',
    subject: 'User', role: 'Role', signedInAs: 'Signed in: ', version: 'Version', state: 'State', active: 'in force',
    author: 'Author', comment: 'Comment', created: 'Time', problems: 'Problems', warnings: 'Warnings',
    files: 'Files (.xlsx decision tables, .drl, .dmn models or .examples.json examples)', base: 'Base version (blank: the one in force)', submit: 'Upload',
    uploaded: 'Candidate version created', exists: 'A version with exactly these files exists',
    rejected: 'The version failed its checks and can never be activated; every problem:', refused: 'File refused',
    workbook: 'File', sheet: 'Sheet', cell: 'Cell', cellText: 'Cell text', what: 'Problem',
    noProblems: 'No problems, no warnings.', tabProblems: 'Checks', tabExamples: 'Examples', tabDiff: 'Diff against active',
    tabImpact: 'Impact', tabDrl: 'Generated DRL', approve: 'Approve (four eyes)', activate: 'Activate',
    rollback: 'Roll back to this version', reason: 'Reason (kept in the audit trail)', confirm: 'Confirm',
    cancel: 'Cancel', activated: 'Activated; every instance switches now', approved: 'Approved',
    notAvailable: 'Not available on this service', source: 'Source', where: 'Where', name: 'Case', inputs: 'Inputs',
    expected: 'Expected', actual: 'Actual', result: 'Result', pass: 'passed', fail: 'failed', passedCount: 'passed',
    failedCount: 'failed', status: 'Change', row: 'Row', rule: 'Rule', cells: 'Changed cells', unchanged: 'unchanged',
    runImpact: 'Simulate on current data', running: 'Simulating…', credit: 'Credit tier', risk: 'Risk level',
    inspection: 'Inspection workload (a year)', alarms: 'Alarms', tabModels: 'DMN decision tables', hitPolicy: 'Hit policy', annotation: 'Annotation', noModels: 'This version has no DMN model.',
    decision: 'Decision', enterprises: 'Enterprises', changed: 'changed',
    up: 'better', down: 'worse', region: 'Region', sector: 'Sector', before: 'Before', after: 'After',
    readings: 'Latest readings', differently: 'alarm differently', raised: 'raised', lowered: 'lowered', point: 'Point',
    enforcementImpact: 'Enforcement decisions', decisions: 'Decisions', bandChanged: 'band', finesChanged: 'fine range', suspensionChanged: 'suspension', dailyFineChanged: 'daily fines', undecidable: 'undecidable',
    tier: 'Tier', visits: 'Inspections', when: 'When', actor: 'Who', action: 'What', noImpact: 'Not simulated yet.',
    pick: 'Pick a decision table', drlFor: 'DRL of ', back: 'Back to versions', loading: 'Loading…', line: 'Line',
    eta: 'ETA', queued: 'Queued', jobFailed: 'Simulation failed',
    dashboard: 'Outcome dashboard',
  },
};

const params = new URLSearchParams(location.search);
let lang = params.get('lang') === 'en' ? 'en' : sessionStorage.getItem('safereg.lang') || 'zh';
let token = sessionStorage.getItem('safereg.token');

const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[lang][key] || key;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function table(headers, rows, id) {
  return el('table', { id },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

function say(text, kind) {
  const message = $('message');
  message.textContent = text || '';
  message.className = kind || '';
}

/** A call to the API; resolves to {status, body}; problems (RFC 9457) come back as the body too. */
async function api(method, path, body, isForm) {
  const headers = { Authorization: 'Bearer ' + token };
  if (body && !isForm) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: isForm ? body : body ? JSON.stringify(body) : undefined });
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (response.status === 401) {
    signOut();
    say(problemText(payload), 'error');
  }
  return { status: response.status, body: payload };
}

function problemText(problem) {
  if (!problem || typeof problem !== 'object') return String(problem || '');
  return [problem.title, problem.detail].filter(Boolean).join(': ');
}

function short(version) {
  return version ? version.substring(0, 12) : '';
}

function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  $('lang').textContent = lang === 'zh' ? 'English' : '中文';
}

function signedIn(newToken) {
  token = newToken;
  sessionStorage.setItem('safereg.token', token);
  render();
}

function signOut() {
  token = null;
  sessionStorage.removeItem('safereg.token');
  render();
}

function subjectOf(jwt) {
  try {
    const claims = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return `${claims.sub} (${(claims.roles || []).join(', ')})`;
  } catch (e) {
    return '';
  }
}

// --- views ---

async function showVersions(view) {
  const answer = await api('GET', '/api/v1/rule-sets?limit=200');
  if (answer.status !== 200) return say(problemText(answer.body), 'error');
  view.append(el('h2', {}, t('versions')),
    table([t('version'), t('state'), t('author'), t('comment'), t('created'), t('problems'), t('warnings')],
      answer.body.map((v) => [
        el('a', { href: '#/version/' + v.version, class: 'version-link', 'data-version': v.version }, short(v.version)),
        el('span', { class: 'state ' + v.state }, v.state + (v.active ? ' · ' + t('active') : '')),
        v.author, v.comment || '', new Date(v.createdAt).toLocaleString(), v.problems, v.warnings,
      ]), 'versions'));
}

function showUpload(view) {
  const files = el('input', { type: 'file', id: 'upload-files', multiple: 'multiple', accept: '.xlsx,.xls,.drl,.dmn,.json' });
  const base = el('input', { id: 'upload-base', size: 66 });
  const comment = el('input', { id: 'upload-comment', size: 66 });
  const result = el('div', { id: 'upload-result' });
  const submit = el('button', { type: 'button', id: 'upload-submit', onclick: async () => {
    const form = new FormData();
    for (const file of files.files) form.append('files', file, file.name);
    if (base.value.trim()) form.append('base', base.value.trim());
    if (comment.value.trim()) form.append('comment', comment.value.trim());
    result.replaceChildren(t('loading'));
    const answer = await api('POST', '/api/v1/rule-sets', form, true);
    result.replaceChildren();
    if (answer.status === 201 || answer.status === 200) {
      say(t(answer.status === 201 ? 'uploaded' : 'exists') + ' ' + short(answer.body.version), 'ok');
      location.hash = '#/version/' + answer.body.version;
    } else if (answer.status === 422) {
      say(t('rejected'), 'error');
      result.append(el('p', {}, problemText(answer.body)), problemTable(answer.body.problems || [], 'upload-problems'));
      if (answer.body.version) {
        result.append(el('a', { href: '#/version/' + answer.body.version }, short(answer.body.version)));
      }
    } else {
      say(t('refused') + ': ' + problemText(answer.body), 'error');
    }
  } }, t('submit'));
  view.append(el('h2', {}, t('upload')),
    el('label', { for: 'upload-files' }, t('files')), files,
    el('label', { for: 'upload-base' }, t('base')), base,
    el('label', { for: 'upload-comment' }, t('comment')), comment,
    el('p', {}, submit), result);
}

function where(p) {
  if (p.file && p.file.endsWith('.dmn')) {
    return [p.column && p.column !== p.sheet ? p.column : '', p.row ? `${t('rule')} ${p.row}` : '',
      p.line ? `${t('line')} ${p.line}` : ''].filter(Boolean).join(' · ');
  }
  if (p.line) return `${t('line')} ${p.line}`;
  if (p.column && p.row) return p.column + p.row;
  if (p.row) return `${t('row')} ${p.row}`;
  return '';
}

function problemTable(problems, id) {
  return table([t('workbook'), t('sheet'), t('cell'), t('cellText'), t('what')],
    problems.map((p) => [p.file, p.sheet || '', where(p), p.cellText ? el('code', {}, p.cellText) : '',
      lang === 'zh' ? p.messageZh || p.message : p.message]), id);
}

async function showAudit(view) {
  const answer = await api('GET', '/api/v1/rule-sets/audit?limit=200');
  if (answer.status !== 200) return say(problemText(answer.body), 'error');
  view.append(el('h2', {}, t('audit')),
    table([t('when'), t('actor'), t('action'), t('version'), t('reason')],
      answer.body.map((a) => [new Date(a.at).toLocaleString(), a.actor, a.action,
        el('a', { href: '#/version/' + a.version }, short(a.version)), a.reason || '']), 'audit'));
}

async function showVersion(view, version) {
  const answer = await api('GET', '/api/v1/rule-sets/' + encodeURIComponent(version));
  if (answer.status !== 200) return say(problemText(answer.body), 'error');
  const v = answer.body;
  const examples = v.examples ? ` · ${t('tabExamples')}: ${v.examples.passed} ${t('passedCount')}, ${v.examples.failed} ${t('failedCount')}` : '';
  view.append(
    el('p', {}, el('a', { href: '#/versions' }, t('back'))),
    el('h2', {}, `${t('version')} ${short(v.version)} `, el('span', { class: 'state ' + v.state, id: 'version-state' }, v.state)),
    el('p', {}, `${v.author} · ${new Date(v.createdAt).toLocaleString()} · ${v.comment || ''}${examples}`));
  const actions = el('div', { class: 'actions' });
  const confirm = el('div', { class: 'actions', id: 'confirm', hidden: 'hidden' });
  if (v.state === 'CANDIDATE') {
    actions.append(el('button', { type: 'button', id: 'approve', onclick: () => ask('approval', t('approve')) }, t('approve')));
  }
  if (!v.active && v.state !== 'REJECTED') {
    const label = v.state === 'RETIRED' ? t('rollback') : t('activate');
    actions.append(el('button', { type: 'button', id: 'activate', onclick: () => ask('activation', label) }, label));
  }
  function ask(what, label) {
    const reason = el('input', { id: 'reason', size: 50 });
    confirm.replaceChildren(el('label', { for: 'reason' }, t('reason')), reason,
      el('button', { type: 'button', id: 'confirm-yes', onclick: async () => {
        const result = await api('POST', `/api/v1/rule-sets/${v.version}/${what}`, { reason: reason.value });
        if (result.status === 200) {
          say(what === 'activation' ? t('activated') : t('approved'), 'ok');
          render();
        } else {
          say(problemText(result.body), 'error');
        }
      } }, `${t('confirm')}: ${label}`),
      el('button', { type: 'button', onclick: () => confirm.setAttribute('hidden', 'hidden') }, t('cancel')));
    confirm.removeAttribute('hidden');
    reason.focus();
  }
  const content = el('div', { id: 'tab-content' });
  const tabs = el('div', { class: 'tabs', role: 'tablist' });
  const tabList = [
    ['problems', t('tabProblems'), () => showChecks(content, v)],
    ['examples', t('tabExamples'), () => showExamples(content, v.version)],
    ['diff', t('tabDiff'), () => showDiff(content, v.version)],
    ['models', t('tabModels'), () => showModels(content, v.version)],
    ['impact', t('tabImpact'), () => showImpact(content, v.version)],
    ['drl', t('tabDrl'), () => showDrl(content, v)],
  ];
  for (const [key, label, open] of tabList) {
    tabs.append(el('button', { type: 'button', role: 'tab', id: 'tab-' + key, onclick: (event) => {
      tabs.querySelectorAll('button').forEach((b) => b.setAttribute('aria-selected', 'false'));
      event.target.setAttribute('aria-selected', 'true');
      content.replaceChildren(t('loading'));
      open();
    } }, label));
  }
  view.append(actions, confirm, tabs, content);
  tabs.querySelector('button').click();
}

function showChecks(content, v) {
  content.replaceChildren();
  if (!v.problems.length && !v.warnings.length) return content.append(el('p', { id: 'no-problems' }, t('noProblems')));
  if (v.problems.length) content.append(el('h3', {}, t('problems')), problemTable(v.problems, 'problems'));
  if (v.warnings.length) content.append(el('h3', {}, t('warnings')), problemTable(v.warnings, 'warnings'));
}

function unavailable(content, answer) {
  if (answer.status === 404 || answer.status === 405) {
    content.replaceChildren(el('p', { class: 'unavailable' }, `${t('notAvailable')} (${problemText(answer.body)})`));
    return true;
  }
  if (answer.status !== 200) {
    content.replaceChildren(el('p', { class: 'failed' }, problemText(answer.body)));
    return true;
  }
  return false;
}

const pairs = (map) => Object.entries(map || {}).map(([k, v]) => `${k} = ${v}`).join('; ');

async function showExamples(content, version) {
  const answer = await api('GET', `/api/v1/rule-sets/${version}/examples`);
  if (unavailable(content, answer)) return;
  const r = answer.body;
  content.replaceChildren(
    el('p', { id: 'examples-summary' }, `${r.passed} ${t('passedCount')}, ${r.failed} ${t('failedCount')}`),
    table([t('source'), t('where'), t('name'), t('inputs'), t('expected'), t('actual'), t('result')],
      r.cases.map((c) => [c.source, c.row ? `${c.file} · ${c.sheet} · ${t('row')} ${c.row}` : c.file, c.name,
        pairs(c.inputs), pairs(c.expected), pairs(c.actual),
        el('span', { class: c.passed ? 'passed' : 'failed' },
          c.passed ? t('pass') : `${t('fail')}: ${lang === 'zh' ? c.messageZh || c.message : c.message}`)]), 'examples'));
}

async function showDiff(content, version) {
  const answer = await api('GET', `/api/v1/rule-sets/${version}/diff`);
  if (unavailable(content, answer)) return;
  content.replaceChildren(el('p', {}, `${t('before')}: ${short(answer.body.against)} → ${t('after')}: ${short(version)}`));
  for (const file of answer.body.files) {
    if (file.status === 'UNCHANGED') {
      content.append(el('p', {}, `${file.path}: ${t('unchanged')}`));
      continue;
    }
    content.append(el('h3', {}, `${file.path}: ${file.status}`));
    if (file.textDiff) content.append(el('pre', { class: 'text-diff' }, file.textDiff));
    if (file.rows && file.rows.length) {
      content.append(table([t('sheet'), t('row'), t('rule'), t('status'), t('cells')],
        file.rows.map((r) => [r.sheet, r.row, r.rule || '', r.status,
          r.cells.map((c) => `${c.column}${c.header ? ' (' + c.header + ')' : ''}: ${c.before ?? '∅'} → ${c.after ?? '∅'}`).join('; ')]),
        'diff-rows'));
    }
  }
}

/** Each DMN decision table as the editor shows it, with the rules changed against the active version and the
 *  problems and warnings found on it. */
async function showModels(content, version) {
  const [answer, diff] = await Promise.all([
    api('GET', `/api/v1/rule-sets/${version}/models`),
    api('GET', `/api/v1/rule-sets/${version}/diff`)]);
  if (unavailable(content, answer)) return;
  content.replaceChildren();
  if (!answer.body.length) return content.append(el('p', { id: 'no-models' }, t('noModels')));
  const changes = new Map();
  const added = new Set();
  for (const file of (diff.status === 200 ? diff.body.files : [])) {
    if (file.status === 'ADDED') added.add(file.path);
    for (const r of file.rows || []) changes.set(`${file.path}|${r.sheet}|${r.row}`, r.status);
  }
  for (const m of answer.body) {
    if (added.has(m.file)) m.rules.forEach((r) => changes.set(`${m.file}|${m.decision}|${r.number}`, 'ADDED'));
  }
  answer.body.forEach((m, i) => {
    const flagged = new Set([...m.problems, ...m.warnings].filter((p) => p.row).map((p) => p.row));
    const headers = ['#', ...m.inputs.map((h) => el('span', { class: 'dmn-input' }, h)),
      ...m.outputs.map((h) => el('span', { class: 'dmn-output' }, h)), t('annotation'), t('status')];
    const rows = m.rules.map((r) => [String(r.number), ...r.inputEntries.map((e) => el('code', {}, e)),
      ...r.outputEntries.map((e) => el('code', {}, e)), r.annotation || '',
      changes.get(`${m.file}|${m.decision}|${r.number}`) || '']);
    const grid = table(headers, rows, `model-${i}`);
    grid.classList.add('dmn-table');
    grid.querySelectorAll('tbody tr').forEach((tr, n) => {
      const rule = m.rules[n];
      if (changes.has(`${m.file}|${m.decision}|${rule.number}`)) tr.classList.add('changed');
      if (flagged.has(rule.number)) tr.classList.add('flagged');
    });
    content.append(
      el('h3', {}, `${m.file} · ${t('decision')} ${m.decision} · ${m.table}`),
      el('p', {}, `${m.model} · ${t('hitPolicy')}: ${m.hitPolicy}`), grid);
    if (m.problems.length) content.append(el('h4', {}, t('problems')), problemTable(m.problems, `model-${i}-problems`));
    if (m.warnings.length) content.append(el('h4', {}, t('warnings')), problemTable(m.warnings, `model-${i}-warnings`));
  });
}

async function showImpact(content, version) {
  const run = el('button', { type: 'button', id: 'run-impact', onclick: async () => {
    run.disabled = true;
    out.replaceChildren(t('running'));
    const answer = await api('POST', `/api/v1/rule-sets/${version}/impact?wait=false`);
    if (answer.status === 202) {
      followJob(job, answer.body, async (finished) => {
        run.disabled = false;
        if (finished.state !== 'SUCCEEDED') {
          out.replaceChildren(el('p', { class: 'failed' }, `${t('jobFailed')}: ${problemText(finished.error)}`));
          return;
        }
        const report = await api('GET', finished.result);
        if (!unavailable(out, report)) renderImpact(out, report.body);
      });
      return;
    }
    run.disabled = false;
    if (!unavailable(out, answer)) renderImpact(out, answer.body);
  } }, t('runImpact'));
  const job = el('div', { id: 'impact-job' });
  const out = el('div', { id: 'impact' });
  content.replaceChildren(run, job, out);
  const last = await api('GET', `/api/v1/rule-sets/${version}/impact`);
  if (last.status === 200) renderImpact(out, last.body);
  else out.append(el('p', {}, t('noImpact')));
}

/**
 * Draws a job's progress bar and follows the job's server-sent events until it finishes; EventSource cannot
 * send headers, so the token travels as access_token.
 */
function followJob(into, job, whenFinished) {
  const bar = el('progress', { id: 'job-progress', max: 100, value: 0 });
  const label = el('span', { id: 'job-percent' });
  into.replaceChildren(el('div', { class: 'job' }, bar, label));
  const draw = (j) => {
    bar.value = j.percent;
    const eta = j.eta ? ` · ${t('eta')} ${new Date(j.eta).toLocaleTimeString()}` : '';
    label.textContent = j.state === 'QUEUED' ? t('queued') : `${j.percent} %${eta}`;
  };
  draw(job);
  const events = new EventSource(`/api/v1/jobs/${job.id}/events?access_token=${encodeURIComponent(token)}`);
  events.addEventListener('progress', (e) => draw(JSON.parse(e.data)));
  events.addEventListener('finished', (e) => {
    events.close();
    const finished = JSON.parse(e.data);
    draw(finished);
    whenFinished(finished);
  });
  events.onerror = () => {
    // the browser connects again by itself and the stream resends where the job is; a refused token does not
    if (events.readyState === EventSource.CLOSED) say(t('jobFailed'), 'error');
  };
}

function renderImpact(out, r) {
  const changes = (title, c, id) => [
    el('h3', {}, title),
    el('p', { class: 'numbers', id: id + '-numbers' },
      el('span', {}, `${t('enterprises')}: ${c.enterprises}`), el('span', {}, `${t('changed')}: ${c.changed}`),
      el('span', {}, `${t('up')}: ${c.up}`), el('span', {}, `${t('down')}: ${c.down}`)),
    c.groups.length ? table([t('region'), t('sector'), t('changed'), t('up'), t('down')],
      c.groups.map((g) => [`${g.regionName || ''} ${g.region}`, g.sector, g.changed, g.up, g.down]), id + '-groups') : '',
    c.changes.length ? table(['', t('region'), t('sector'), t('before'), t('after')],
      c.changes.map((x) => [`${x.name || ''} ${x.code || ''}`, x.regionName || x.region, x.sector,
        x.before + (x.scoreBefore != null ? ` (${x.scoreBefore})` : ''),
        x.after + (x.scoreAfter != null ? ` (${x.scoreAfter})` : '')]), id + '-changes') : '',
  ];
  out.replaceChildren(
    el('p', {}, `${t('before')}: ${short(r.against)} → ${t('after')}: ${short(r.version)} · ${new Date(r.evaluatedAt).toLocaleString()} · ${r.millis} ms`),
    ...changes(t('credit'), r.credit, 'impact-credit'),
    ...changes(t('risk'), r.risk, 'impact-risk'),
    el('h3', {}, t('inspection')),
    el('p', { id: 'impact-inspection' }, `${t('before')}: ${r.inspection.visitsBefore} → ${t('after')}: ${r.inspection.visitsAfter}`),
    table([t('tier'), t('enterprises'), t('before'), t('after')],
      r.inspection.byTier.map((x) => [x.tier, `${x.enterprisesBefore} → ${x.enterprisesAfter}`, x.before, x.after])),
    el('h3', {}, t('alarms')),
    el('p', { id: 'impact-alarms' }, `${t('readings')}: ${r.alarms.readings} · ${t('differently')}: ${r.alarms.differently} (${t('raised')} ${r.alarms.raised}, ${t('lowered')} ${r.alarms.lowered})`),
    r.alarms.changes.length ? table([t('point'), t('enterprises'), '', t('before'), t('after')],
      r.alarms.changes.map((a) => [a.point, a.enterprise, `${a.metric} ${a.value}`, a.before ?? '—', a.after ?? '—'])) : '',
    ...enforcementImpact(r.enforcement));
}

// reports simulated before enforcement decisions were part of the impact have none
function enforcementImpact(e) {
  if (!e) return [];
  const range = (x) => (x ? `${x.min}–${x.max}` : '—');
  const measures = (m, problem) => (m
    ? `${m.band} ${range(m.bandUnitFine)} / ${range(m.unitFine)}${m.suspension ? ' ⏸' : ''}${m.dailyFine ? ' ↻' : ''}`
    : problem || '—');
  return [
    el('h3', {}, t('enforcementImpact')),
    el('p', { class: 'numbers', id: 'impact-enforcement-numbers' },
      el('span', {}, `${t('decisions')}: ${e.decisions}`), el('span', {}, `${t('changed')}: ${e.changed}`),
      el('span', {}, `${t('bandChanged')}: ${e.band}`), el('span', {}, `${t('finesChanged')}: ${e.fines}`),
      el('span', {}, `${t('suspensionChanged')}: ${e.suspension}`), el('span', {}, `${t('dailyFineChanged')}: ${e.dailyFine}`),
      el('span', {}, `${t('undecidable')}: ${e.undecidable}`)),
    e.changes.length ? table([t('decision'), t('enterprises'), '', t('before'), t('after')],
      e.changes.map((c) => [c.decision, `${c.name || ''} ${c.enterprise || ''}`, `${c.article}${c.item != null ? '(' + c.item + ')' : ''}`,
        measures(c.before, c.problemBefore), measures(c.after, c.problemAfter)]), 'impact-enforcement-changes') : '',
  ];
}

function showDrl(content, v) {
  const workbooks = v.files.filter((f) => !f.path.toLowerCase().endsWith('.drl'));
  const text = el('pre', { id: 'drl-text' });
  const select = el('select', { id: 'drl-workbook', onchange: async () => {
    if (!select.value) return;
    const answer = await api('GET', `/api/v1/rule-sets/${v.version}/drl/${select.value}`);
    text.textContent = answer.status === 200 ? answer.body : problemText(answer.body);
  } }, el('option', { value: '' }, t('pick')), workbooks.map((f) => el('option', { value: f.path }, f.path)));
  content.replaceChildren(el('label', { for: 'drl-workbook' }, t('drlFor')), select, text);
}

// --- routing ---

async function render() {
  applyLanguage();
  const view = $('view');
  view.replaceChildren();
  $('signin').hidden = !!token;
  $('nav').hidden = !token;
  view.hidden = !token;
  $('signout').hidden = !token;
  $('who').textContent = token ? t('signedInAs') + subjectOf(token) : '';
  if (!token) return;
  const route = location.hash.replace(/^#\/?/, '') || 'versions';
  document.querySelectorAll('header nav a').forEach((a) => a.classList.toggle('current', a.getAttribute('href') === '#/' + route));
  if (route === 'upload') return showUpload(view);
  if (route === 'audit') return showAudit(view);
  if (route.startsWith('version/')) return showVersion(view, route.substring('version/'.length));
  return showVersions(view);
}

$('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  sessionStorage.setItem('safereg.lang', lang);
  render();
});
$('signout').addEventListener('click', signOut);
$('signin-token').addEventListener('click', () => {
  const value = $('token').value.trim().replace(/^Bearer\s+/i, '');
  if (value) signedIn(value);
});
$('dev-signin').addEventListener('click', async () => {
  const response = await fetch('/dev/tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ subject: $('dev-subject').value, roles: [$('dev-role').value] }) });
  const body = await response.json().catch(() => ({}));
  if (response.ok && body.token) signedIn(body.token);
  else say(problemText(body) || response.status, 'error');
});
window.addEventListener('hashchange', render);
render();
