// Career Conversations: Tasklist settings (served instead of the webjar's own config.js, whose shortcuts block
// it keeps). The header reads "Career Conversations Tasklist".
export default {
  app: {
    vendor: 'Career Conversations',
    name: 'Tasklist'
  },
  // the list shows the most urgent task first (scripts/due-date-first.js); the header links to the people's pages
  // (scripts/careers-pages.js); people see only what they can use (scripts/tasklist-for-people.js); with single
  // sign-on the login form is the identity provider's (../careers/single-sign-on.js)
  customScripts: [
    'scripts/due-date-first',
    'scripts/careers-pages',
    'scripts/tasklist-for-people',
    '../careers/single-sign-on'
  ],
  // Tasklist's keyboard shortcuts: replacing config.js replaces them, so they are listed again here
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
