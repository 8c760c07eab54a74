// Career Conversations: Tasklist shows employees, managers and HR only what they can use, and the forms' read-only
// plans readably. Tasks, due dates and assignees come from the process (every task has its assignee and due date,
// which the reminders count on), so for everyone but administrators this hides: "Create task", "Add groups", the
// follow-up date, changing the due date or the assignee, the priority number, the filters' technical details, an
// empty Description tab, and "Start process" for someone who may start nothing; a task's link into Cockpit only
// shows for those who may open Cockpit. Administrators (those who may open Admin) keep everything.

const PEOPLE = 'cc-people';                 // on <html>: not an administrator
const NOTHING_TO_START = 'cc-nothing-to-start';
const NO_COCKPIT = 'cc-no-cockpit';         // on <html>: may not open Cockpit, where a task's instance link leads
const NO_DESCRIPTION = 'cc-no-description';

const STYLE = `
.${PEOPLE} .create-task-action,
.${PEOPLE}.${NOTHING_TO_START} .start-process-action,
.${PEOPLE} [cam-tasklist-task-meta] .followup-date,
.${PEOPLE} [cam-tasklist-task-meta] .reset-due-date,
.${PEOPLE} [cam-tasklist-task-meta] li.groups,
.${PEOPLE} [cam-tasklist-task-meta] li.assignee .unclaim,
.${PEOPLE} .tasks-list .priority,
.${PEOPLE} .task-filter .actions,
.${PEOPLE}.${NO_DESCRIPTION} .cc-description-tab,
.${NO_COCKPIT} .instance-link { display: none !important; }
.${PEOPLE} [cam-tasklist-task-meta] .due-date,
.${PEOPLE} [cam-tasklist-task-meta] li.assignee [cam-widget-inline-field] { pointer-events: none; }
/* the forms' read-only plans (html components): text that wraps and can be read in full */
.fjs-form-field-html .cc-heading { font-size: 15px; font-weight: 600; margin: 14px 0 4px; }
.fjs-form-field-html h3.cc-heading { font-size: 17px; }
.fjs-form-field-html .cc-list { margin: 0 0 8px; padding-left: 22px; }
.fjs-form-field-html .cc-list li { margin-bottom: 6px; line-height: 1.45; }
.fjs-form-field-html .cc-text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.45; margin: 0 0 8px; }
.fjs-form-field-html .cc-changes { border-left: 3px solid #2f6f5e; padding: 2px 12px; background: #f3f8f6; }
.fjs-form-field-html .cc-step { margin: 4px 0; overflow-wrap: anywhere; }
`;

function root() {
  return window.location.pathname.split('/camunda/app/')[0];
}

function get(path) {
  return fetch(root() + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json() : Promise.reject(response.status));
}

function mark(name, on) {
  document.documentElement.classList.toggle(name, on);
}

let checkedUser = null;

/** Who is logged in, whether they administer, and whether they may start anything. */
function checkUser() {
  get('/camunda/api/admin/auth/user/default').then(user => {
    if (user.userId === checkedUser) {
      return;
    }
    checkedUser = user.userId;
    const apps = user.authorizedApps || [];
    mark(PEOPLE, !apps.includes('admin'));
    mark(NO_COCKPIT, !apps.includes('cockpit'));
    return get('/camunda/api/engine/engine/default/process-definition/count?latestVersion=true&active=true'
      + '&startableInTasklist=true&startablePermissionCheck=true')
      .then(startable => mark(NOTHING_TO_START, startable.count === 0));
  }).catch(() => {
    // not logged in (yet, or any more): hidden until we know who it is
    checkedUser = null;
    mark(PEOPLE, true);
    mark(NO_COCKPIT, true);
    mark(NOTHING_TO_START, true);
  });
}

let checkedTask = null;

/** The Description tab of the open task, marked so it can be hidden when there is nothing in it. */
function checkDescription() {
  document.querySelectorAll('[ng-repeat="taskDetailTab in taskDetailTabs"]').forEach(tab => {
    if (tab.textContent.trim() === 'Description') {
      tab.classList.add('cc-description-tab');
    }
  });
  const task = (window.location.hash.match(/[?&]task=([^&]+)/) || [])[1];
  if (task === checkedTask) {
    return;
  }
  checkedTask = task;
  mark(NO_DESCRIPTION, true);
  if (task) {
    get('/camunda/api/engine/engine/default/task/' + encodeURIComponent(task))
      .then(t => mark(NO_DESCRIPTION, !(t.description && t.description.trim())))
      .catch(() => mark(NO_DESCRIPTION, true));
  }
}

function start() {
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.appendChild(style);
  mark(PEOPLE, true);
  mark(NO_COCKPIT, true);
  mark(NOTHING_TO_START, true);
  mark(NO_DESCRIPTION, true);
  checkUser();
  window.addEventListener('hashchange', () => {
    checkUser();
    checkDescription();
  });
  // Tasklist renders the task's tabs after the address has changed
  let pending = false;
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(() => {
        pending = false;
        checkDescription();
      });
    }
  }).observe(document.body, {childList: true, subtree: true});
}

start();
