// Changes the password through AuthService.svc/ChangePassword and moves on to the application.
(function () {
  'use strict';
  var form = document.getElementById('change-password-form');
  var userName = document.getElementById('user-name');
  var current = document.getElementById('current-password');
  var fresh = document.getElementById('new-password');
  var repeat = document.getElementById('repeat-password');
  var message = document.getElementById('change-password-message');
  var button = document.getElementById('change-password-button');

  function show(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  (userName.value ? current : userName).focus();

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!userName.value.trim() || !current.value || !fresh.value) {
      show('Fill in every field.');
      return;
    }
    if (fresh.value !== repeat.value) {
      show('The new passwords do not match.');
      repeat.focus();
      return;
    }
    show('');
    button.disabled = true;
    fetch('/ServiceModel/AuthService.svc/ChangePassword', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ UserName: userName.value.trim(), UserPassword: current.value, NewUserPassword: fresh.value })
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    }).then(function (result) {
      if (result.Code === 0 || result.Code === 3) {
        window.location.assign('/0/');
        return;
      }
      show(result.Message || 'The password could not be changed.');
    }).catch(function () {
      show('The server cannot be reached. Try again in a moment.');
    }).finally(function () {
      button.disabled = false;
    });
  });
})();
