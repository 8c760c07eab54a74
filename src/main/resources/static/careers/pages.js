// The people's pages act through the app's API with the webapp login: JSON bodies and the webapps' CSRF token
// (X-XSRF-TOKEN), which the page carries in <meta name="csrf-token">. Answers are shown in the page's words.
(function () {
  'use strict';

  function token() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-XSRF-TOKEN': token()},
      body: JSON.stringify(body)
    }).then(response => response.text().then(text => {
      let message = '';
      try {
        message = JSON.parse(text).message || '';
      } catch (e) {
        message = '';
      }
      if (!message) {
        message = response.ok ? 'Done.' : 'That did not work (' + response.status + '). Nothing was changed.';
      }
      return {ok: response.ok, message: message};
    }));
  }

  function say(box, answer) {
    box.textContent = answer.message;
    box.classList.toggle('cc-error', !answer.ok);
  }

  /** Sends the call; on success the page reloads to show where things stand now, otherwise it says why. */
  function act(url, body, button, box, focus) {
    button.disabled = true;
    post(url, body)
      .then(answer => {
        say(box, answer);
        if (answer.ok) {
          window.location.reload();
        } else {
          button.disabled = false;
          if (focus) {
            focus.focus();
          }
        }
      })
      .catch(() => {
        say(box, {ok: false, message: 'The app could not be reached. Nothing was changed; please try again.'});
        button.disabled = false;
      });
  }

  document.addEventListener('submit', event => {
    const form = event.target;
    if (!form.hasAttribute('data-revision')) {
      return;
    }
    event.preventDefault();
    const reason = form.querySelector('textarea[name="reason"]');
    act(form.action, {reason: reason.value}, form.querySelector('button[type="submit"]'),
      form.querySelector('.cc-message'), reason);
  });

  document.addEventListener('click', event => {
    const button = event.target.closest('button[data-start]');
    if (button) {
      act(button.getAttribute('data-start'), {}, button, document.querySelector('.cc-message'), null);
    }
  });
}());
