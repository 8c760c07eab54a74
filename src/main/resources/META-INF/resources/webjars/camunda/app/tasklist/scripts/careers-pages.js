// Career Conversations: links to the people's pages in Tasklist's header (plugin point tasklist.navbar.action,
// shown once someone is logged in). Which pages someone has comes from GET /api/my-pages: My conversations for
// everyone, My team for managers, People for HR partners. A visitor who opened a page without being logged in
// was sent here to log in; the page they asked for is in the cookie careers-return-to, and they go back to it.
const RETURN_COOKIE = 'careers-return-to';

function appRoot() {
  // the app's pages and API sit next to the webapps (which live under /camunda/app/...)
  return window.location.pathname.split('/camunda/app/')[0];
}

function returnTarget() {
  const entry = document.cookie.split('; ').find(c => c.startsWith(RETURN_COOKIE + '='));
  if (!entry) {
    return null;
  }
  document.cookie = RETURN_COOKIE + '=; Path=/; Max-Age=0; SameSite=Lax';
  let target = '';
  try {
    target = decodeURIComponent(entry.substring(RETURN_COOKIE.length + 1));
  } catch (e) {
    return null;
  }
  // only ever one of the app's own pages, never another site
  return target.startsWith(appRoot() + '/careers/') && !target.includes('//') && !target.includes('\\')
    ? target : null;
}

function render(node) {
  const target = returnTarget();
  if (target) {
    window.location.assign(target);
    return;
  }
  fetch(appRoot() + '/api/my-pages', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json() : [])
    .then(pages => {
      const list = document.createElement('span');
      list.className = 'careers-pages';
      pages.forEach(page => {
        const link = document.createElement('a');
        link.href = appRoot() + page.path;
        link.textContent = page.name;
        list.appendChild(link);
      });
      node.appendChild(list);
    })
    .catch(() => {
      // without the links Tasklist works as before
    });
}

export default {
  id: 'careers-pages',
  pluginPoint: 'tasklist.navbar.action',
  priority: 400,
  render
};
