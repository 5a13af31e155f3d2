// Signs in through the AuthService API of the wire contract and moves on to the application at /0/.
(function () {
  'use strict';
  var form = document.getElementById('sign-in-form');
  var userName = document.getElementById('user-name');
  var password = document.getElementById('password');
  var message = document.getElementById('sign-in-message');
  var button = document.getElementById('sign-in-button');

  function show(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  (userName.value ? password : userName).focus();

  // Where the user was when the session ended: ?returnUrl=/0/#/Contact/<id>, or the workspace's
  // route carried along in the fragment by the redirect. Only paths of the workspace are taken.
  function returnTo() {
    var wanted = new URLSearchParams(window.location.search).get('returnUrl');
    if (!wanted && window.location.hash.indexOf('#/') === 0) {
      wanted = '/0/' + window.location.hash;
    }
    return wanted && /^\/0\/(?![\/\\])/.test(wanted) && !/[\\\s]/.test(wanted) ? wanted : null;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!userName.value.trim() || !password.value) {
      show('Enter your user name and password.');
      (userName.value.trim() ? password : userName).focus();
      return;
    }
    show('');
    button.disabled = true;
    button.textContent = 'Signing in…';
    fetch('/ServiceModel/AuthService.svc/Login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ UserName: userName.value.trim(), UserPassword: password.value })
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    }).then(function (result) {
      // 0: signed in; 2: signed in, password expires soon; 3: no licence, a session limited to licence management
      if (result.Code === 0 || result.Code === 2) {
        // Code 2: the workspace shows the reminder (its text is the server's) until the user dismisses it
        try {
          if (result.Code === 2 && result.Message) {
            window.sessionStorage.setItem('atrium.passwordReminder', result.Message);
          } else {
            window.sessionStorage.removeItem('atrium.passwordReminder');
          }
        } catch (ignored) { /* storage off: no reminder */ }
        window.location.assign(returnTo() || result.RedirectUrl || '/0/');
        return;
      }
      if (result.Code === 3) {
        window.location.assign(result.RedirectUrl || '/0/');
        return;
      }
      if (result.Code === 5 && result.PasswordChangeUrl) {
        window.location.assign(result.PasswordChangeUrl + '?user=' + encodeURIComponent(userName.value.trim()));
        return;
      }
      show(result.Message || 'Sign-in failed.');
      password.value = '';
      password.focus();
    }).catch(function () {
      show('The server cannot be reached. Try again in a moment.');
    }).finally(function () {
      button.disabled = false;
      button.textContent = 'Sign in';
    });
  });
})();
