// Career Conversations: Cockpit settings (served instead of the webjar's own config.js). The header reads "Career Conversations Cockpit";
// the dashboard shows the conversation KPIs (scripts/kpi-dashboard.js, reading /api/reports/kpis); with single
// sign-on the login form is the identity provider's (../careers/single-sign-on.js).
export default {
  app: {
    vendor: 'Career Conversations',
    name: 'Cockpit'
  },
  customScripts: ['scripts/kpi-dashboard', '../careers/single-sign-on']
};
