// The start page: shows the caller's notices (e.g. licence expiry), lists the first contacts by name
// through the REST API and signs out through AuthService.
(function () {
  'use strict';
  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)BPMCSRF=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text || '';
    row.appendChild(td);
  }

  function getJson(path) {
    return fetch(path, { credentials: 'same-origin', headers: { 'BPMCSRF': csrf(), 'Accept': 'application/json' } });
  }

  getJson('/0/rest/notifications')
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(function (notices) {
      var list = document.getElementById('notice-list');
      notices.forEach(function (n) {
        var item = document.createElement('li');
        item.textContent = n.Message;
        list.appendChild(item);
      });
      document.getElementById('notices').hidden = notices.length === 0;
    })
    .catch(function () { /* notices are optional */ });

  var status = document.getElementById('contacts-status');
  getJson('/0/rest/contacts?top=10')
    .then(function (response) {
      if (response.status === 401) { window.location.assign('/'); return null; }
      if (response.status === 403) {
        return response.json().then(function (error) {
          status.textContent = error.ErrorCode === 'LICENSE_REQUIRED' ? error.Message
            : 'Your session is limited to licence management until licences are in order.';
          return null;
        });
      }
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    })
    .then(function (page) {
      if (!page) { return; }
      var body = document.getElementById('contacts');
      page.Items.forEach(function (c) {
        var row = document.createElement('tr');
        cell(row, c.Name);
        cell(row, c.JobTitle);
        cell(row, c.Email);
        body.appendChild(row);
      });
      status.textContent = page.Total + (page.Total === 1 ? ' contact' : ' contacts') + ' in all.';
    })
    .catch(function () { status.textContent = 'Contacts could not be loaded.'; });

  document.getElementById('sign-out').addEventListener('click', function () {
    fetch('/ServiceModel/AuthService.svc/Logout', { method: 'POST', credentials: 'same-origin', headers: { 'BPMCSRF': csrf() } })
      .finally(function () { window.location.assign('/'); });
  });
})();
