// Career Conversations: the KPI dashboard on Cockpit's start page (pluginPoint cockpit.dashboard).
// It reads GET /api/reports/kpis with the Cockpit login (same-origin session cookie; a GET needs no CSRF
// token) and draws plain SVG/HTML charts; every link goes to the Cockpit page behind a number.

const SVG = 'http://www.w3.org/2000/svg';
const PHASES = {
  SCHEDULING: 'Finding a date', PREPARING: 'Preparing', DOCUMENTING: 'Writing down the agreements',
  SIGNING_OFF: 'Waiting for sign-off', MEDIATION: 'HR mediation', FOLLOW_UP: 'Following up the plan'
};

// one line for every figure: what it counts, over whom, in which period (shown as the figure's tooltip)
const EXPLAINED = {
  days: 'The median number of days from the moment a conversation took place to the employee\'s sign-off, '
    + 'for sign-offs in the period.',
  plan: 'Of the people who have career conversations (everyone with a manager), the share whose agreed '
    + 'development plan is being followed up now.',
  actions: 'Of the steps in the current development plans of conversations started in the period, the share '
    + 'that is done.',
  reschedules: 'How often a meeting of a conversation started in the period was moved to another date.',
  mediations: 'Conversations started in the period in which HR mediated the sign-off.',
  phases: 'Conversations started in the period, by where they stand now: from finding a date to following up '
    + 'the agreed plan.',
  overdue: 'Open tasks that are past their due date right now, by step; a step opens its conversations in Cockpit.',
  onTime: 'Tasks completed in the period, and the share of them done by their due date, by step.',
  satisfaction: 'The average job satisfaction (1 to 5) that employees gave when preparing, by the month their '
    + 'conversation took place.',
  oldest: 'The conversations that have waited longest past a due date; each opens in Cockpit.'
};

function apiUrl(query) {
  // the app's API sits next to the webapps (which live under /camunda/app/...)
  const root = window.location.pathname.split('/camunda/app/')[0];
  return root + '/api/reports/kpis' + (query ? '?' + query : '');
}

function el(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
  (children || []).forEach(c => node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
  return node;
}

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function percent(rate) {
  return rate === null || rate === undefined ? '–' : Math.round(rate * 100) + ' %';
}

/** A horizontal bar chart: rows of {label, value, text, href}; bars scaled to max (or the largest value). */
function barChart(title, tip, rows, max, cssClass) {
  const box = el('div', {class: 'cc-kpi-chart ' + (cssClass || ''), title: tip}, [el('h4', {}, [title])]);
  if (!rows.length) {
    box.appendChild(el('p', {class: 'cc-kpi-none'}, ['None']));
    return box;
  }
  const top = max || Math.max(1, ...rows.map(r => r.value));
  const rowHeight = 24, labelWidth = 250, barWidth = 240;
  const chart = svg('svg', {width: labelWidth + barWidth + 70, height: rows.length * rowHeight + 4,
    class: 'cc-kpi-bars', role: 'img', 'aria-label': title});
  rows.forEach((row, i) => {
    const y = i * rowHeight;
    const label = svg('text', {x: 0, y: y + 16, class: 'cc-kpi-label'}, row.label);
    if (row.href) {
      const link = svg('a', {href: row.href});
      link.appendChild(label);
      chart.appendChild(link);
    } else {
      chart.appendChild(label);
    }
    chart.appendChild(svg('rect', {x: labelWidth, y: y + 4, height: 16, rx: 2, class: 'cc-kpi-bar',
      width: Math.max(row.value > 0 ? 2 : 0, Math.round(barWidth * row.value / top))}));
    chart.appendChild(svg('text', {x: labelWidth + barWidth + 6, y: y + 16, class: 'cc-kpi-value'},
      row.text === undefined ? String(row.value) : row.text));
  });
  box.appendChild(chart);
  return box;
}

/** A line chart of the average job satisfaction (1 to 5) by month. */
function trendChart(months) {
  const box = el('div', {class: 'cc-kpi-chart', title: EXPLAINED.satisfaction},
    [el('h4', {}, ['Job satisfaction by month (1–5)'])]);
  if (!months.length) {
    box.appendChild(el('p', {class: 'cc-kpi-none'}, ['No answers in this period']));
    return box;
  }
  const width = 460, height = 170, left = 30, bottom = 30, top = 10;
  const step = months.length > 1 ? (width - left - 20) / (months.length - 1) : 0;
  const x = i => left + 10 + i * step;
  const y = v => top + (height - top - bottom) * (5 - v) / 4;
  const chart = svg('svg', {width, height, class: 'cc-kpi-trend', role: 'img', 'aria-label': 'Job satisfaction'});
  [1, 2, 3, 4, 5].forEach(v => {
    chart.appendChild(svg('line', {x1: left, x2: width, y1: y(v), y2: y(v), class: 'cc-kpi-grid'}));
    chart.appendChild(svg('text', {x: 4, y: y(v) + 4, class: 'cc-kpi-axis'}, String(v)));
  });
  chart.appendChild(svg('polyline', {class: 'cc-kpi-line',
    points: months.map((m, i) => x(i) + ',' + y(m.average)).join(' ')}));
  months.forEach((m, i) => {
    const dot = svg('circle', {cx: x(i), cy: y(m.average), r: 4, class: 'cc-kpi-dot'});
    dot.appendChild(svg('title', {}, m.month + ': ' + m.average + ' (' + m.answers + ' answers)'));
    chart.appendChild(dot);
    chart.appendChild(svg('text', {x: x(i) - 18, y: height - 8, class: 'cc-kpi-axis'}, m.month));
  });
  box.appendChild(chart);
  return box;
}

/** The process's page in Cockpit with the step selected in its diagram: the instances waiting there. */
function stepLink(definition, step) {
  return definition ? definition + '?activityIds=' + encodeURIComponent(step) : null;
}

function tile(label, value, detail, tip) {
  return el('div', {class: 'cc-kpi-tile', title: tip}, [
    el('div', {class: 'cc-kpi-tile-value'}, [value]),
    el('div', {class: 'cc-kpi-tile-label'}, [label]),
    el('div', {class: 'cc-kpi-tile-detail'}, [detail || ''])
  ]);
}

function draw(content, kpis) {
  content.innerHTML = '';
  const definition = kpis.processDefinitionId
    ? '#/process-definition/' + encodeURIComponent(kpis.processDefinitionId) + '/runtime' : null;
  const median = kpis.daysFromMeetingToSignOff;
  const plan = kpis.currentDevelopmentPlan;
  const actions = kpis.developmentActionsDone;
  content.appendChild(el('div', {class: 'cc-kpi-tiles'}, [
    tile('days from meeting to sign-off (median)', median.days === null ? '–' : String(median.days),
      median.conversations + ' signed off', EXPLAINED.days),
    tile('of the people with a manager have a current development plan', percent(plan.rate),
      plan.count + ' of ' + plan.total, EXPLAINED.plan),
    tile('of development steps done', percent(actions.rate), actions.count + ' of ' + actions.total,
      EXPLAINED.actions),
    tile('reschedules', String(kpis.reschedules), '', EXPLAINED.reschedules),
    tile('HR mediations', String(kpis.mediations), '', EXPLAINED.mediations)
  ]));
  const charts = el('div', {class: 'cc-kpi-charts'});
  charts.appendChild(barChart('Conversations by phase', EXPLAINED.phases,
    Object.entries(kpis.openByPhase).map(([k, v]) => ({label: PHASES[k] || k, value: v, href: definition}))));
  const overdue = kpis.overdueTasksByStep.map(s => ({
    label: s.name, value: s.count, href: stepLink(definition, s.step)
  }));
  charts.appendChild(barChart('Overdue tasks by step', EXPLAINED.overdue, overdue, null, 'cc-kpi-overdue'));
  charts.appendChild(barChart('Done by the due date, per step', EXPLAINED.onTime, kpis.onTimeRateByStep.map(s => ({
    label: s.name, value: s.rate || 0, text: percent(s.rate) + ' of ' + s.completed, href: stepLink(definition, s.step)
  })), 1));
  charts.appendChild(trendChart(kpis.jobSatisfactionTrend));
  content.appendChild(charts);
  const oldest = kpis.overdueTasksByStep.flatMap(s => s.oldest.map(i => ({step: s, instance: i})));
  if (oldest.length) {
    content.appendChild(el('div', {class: 'cc-kpi-links', title: EXPLAINED.oldest},
      [el('h4', {}, ['Oldest overdue conversations'])].concat(oldest.map(o => el('a', {
        href: '#/process-instance/' + encodeURIComponent(o.instance.processInstanceId) + '/runtime',
        class: 'cc-kpi-instance'}, [o.instance.businessKey + ' (' + o.step.name + ')'])))));
  }
}

const STYLE = `
.cc-kpi h3 { margin-top: 0; }
.cc-kpi form { margin: 8px 0 12px; } .cc-kpi form input { width: 150px; display: inline-block; }
.cc-kpi-tiles { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
.cc-kpi-tile { border: 1px solid #ddd; border-radius: 4px; padding: 10px 14px; min-width: 170px; max-width: 230px; }
.cc-kpi-tile-value { font-size: 26px; font-weight: bold; color: #1a5f8a; }
.cc-kpi-tile-label { font-size: 13px; } .cc-kpi-tile-detail { font-size: 12px; color: #777; }
.cc-kpi-charts { display: flex; flex-wrap: wrap; gap: 24px; }
.cc-kpi-chart h4, .cc-kpi-links h4 { font-size: 14px; font-weight: bold; }
.cc-kpi-bar { fill: #4a90c2; } .cc-kpi-overdue .cc-kpi-bar { fill: #c24a4a; }
.cc-kpi-label, .cc-kpi-value, .cc-kpi-axis { font-size: 12px; fill: #333; }
.cc-kpi-bars a text { fill: #1a5f8a; text-decoration: underline; }
.cc-kpi-line { fill: none; stroke: #4a90c2; stroke-width: 2; } .cc-kpi-dot { fill: #1a5f8a; }
.cc-kpi-grid { stroke: #eee; } .cc-kpi-none { color: #777; }
.cc-kpi-instance { margin-right: 14px; }
`;

export default {
  id: 'career-conversations.kpi-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node) => {
    const form = el('form', {class: 'form-inline'}, [
      el('label', {for: 'cc-kpi-from'}, ['From ']), el('input', {id: 'cc-kpi-from', type: 'date', class: 'form-control'}),
      ' ', el('label', {for: 'cc-kpi-to'}, ['to ']), el('input', {id: 'cc-kpi-to', type: 'date', class: 'form-control'}),
      ' ', el('button', {type: 'submit', class: 'btn btn-default'}, ['Show']),
      ' ', el('a', {href: apiUrl('format=csv'), class: 'cc-kpi-csv'}, ['Download CSV'])
    ]);
    const content = el('div', {class: 'cc-kpi-content'}, [el('p', {}, ['Loading…'])]);
    const section = el('section', {class: 'cc-kpi dashboard-row'}, [
      el('style', {}, [STYLE]), el('h3', {class: 'section-title'}, ['Career conversations at a glance']), form, content]);
    node.appendChild(section);

    function load() {
      const params = new URLSearchParams();
      const from = form.querySelector('#cc-kpi-from').value, to = form.querySelector('#cc-kpi-to').value;
      if (from) params.set('from', from);
      if (to) params.set('to', to);
      form.querySelector('.cc-kpi-csv').setAttribute('href', apiUrl(params.toString() + '&format=csv'));
      fetch(apiUrl(params.toString()), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
        .then(response => response.json().then(body => ({ok: response.ok, body})))
        .then(({ok, body}) => {
          if (!ok) {
            content.innerHTML = '';
            content.appendChild(el('p', {class: 'cc-kpi-none'}, [body.message || 'The KPIs are not available']));
            return;
          }
          draw(content, body);
        })
        .catch(error => {
          content.innerHTML = '';
          content.appendChild(el('p', {class: 'cc-kpi-none'}, ['The KPIs could not be loaded: ' + error]));
        });
    }
    form.addEventListener('submit', event => { event.preventDefault(); load(); });
    load();
  }
};
