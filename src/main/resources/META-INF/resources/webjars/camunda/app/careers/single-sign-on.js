// Career Conversations: with single sign-on (the cookie careers-sso says so) Tasklist, Cockpit and Admin never show
// their own login form. When one of them turns to it — after its logout link, or because the session ended — the
// browser goes to the app's /sso/session-ended instead: on to the identity provider's sign-out after a logout,
// otherwise to sign in again and come back here. Without single sign-on this script does nothing.
const LOGIN_ROUTE = /^#\/login\b/;

function singleSignOn() {
  return document.cookie.split('; ').includes('careers-sso=on');
}

function appRoot() {
  // the app's own addresses sit next to the webapps (which live under …/app/…)
  return window.location.pathname.split('/app/')[0].replace(/\/[^/]*$/, '');
}

function webappRoot() {
  return window.location.pathname.split('/app/')[0];
}

function leaveLoginForm() {
  if (!singleSignOn() || !LOGIN_ROUTE.test(window.location.hash)) {
    return;
  }
  // a webapp may pass its login route while it finds out that someone is signed in: then it goes on by itself
  fetch(webappRoot() + '/api/admin/auth/user/default', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => {
      if (!response.ok && LOGIN_ROUTE.test(window.location.hash)) {
        window.location.replace(appRoot() + '/sso/session-ended?to='
          + encodeURIComponent(window.location.pathname));
      }
    })
    .catch(() => {
      // the app cannot be reached: the webapp says so itself
    });
}

leaveLoginForm();
window.addEventListener('hashchange', leaveLoginForm);
