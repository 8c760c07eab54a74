// Career Conversations: Tasklist lists the most urgent task first.
// Tasklist sorts its list by the "sorting" in the address, by creation date when there is none, and not by the
// filter's own sorting (security/AccessSetup sorts every filter by due date for the REST API). When the list
// is shown without a sorting the person chose, this puts "due date, earliest first" into the address; a
// sorting chosen in the list's header stays as chosen.
const DUE_DATE_FIRST = 'sorting=' + encodeURIComponent(JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]));

function dueDateFirst() {
  const hash = window.location.hash || '#/';
  if (!/^#\/(\?|$)/.test(hash) || /[?&]sorting=/.test(hash)) {
    return;   // another page (e.g. the login), or a sorting is already there
  }
  window.location.replace(hash + (hash.includes('?') ? '&' : '?') + DUE_DATE_FIRST);
}

dueDateFirst();
window.addEventListener('hashchange', dueDateFirst);
