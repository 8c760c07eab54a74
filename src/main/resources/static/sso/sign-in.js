// Career Conversations: on to the organisation's identity provider, with the address this browser asked for —
// its #… part too, which never reaches a server (a mail's link to a task in Tasklist lives there).
(function () {
  'use strict';
  var link = document.getElementById('cc-sign-in');
  window.location.replace(link.href + '?to=' + encodeURIComponent(window.location.pathname + window.location.search
    + window.location.hash));
}());
