import nunjucks from 'nunjucks';
import type { DemoPerson } from './demo-people';

const env = new nunjucks.Environment(null, { autoescape: true, throwOnUndefined: false });

/** The provider's own sign-in page: a real form (username, password), styled with the NHS design system. */
const LOGIN_TEMPLATE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in – local identity provider</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/assets/nhsuk-frontend.min.css"></head>
<body><header class="nhsuk-header" role="banner"><div class="nhsuk-header__container nhsuk-width-container">
<span class="nhsuk-header__service-name" style="color:#fff">Local identity provider (development only)</span></div></header>
<div class="nhsuk-width-container"><main class="nhsuk-main-wrapper" id="maincontent">
<h1 class="nhsuk-heading-l">Sign in to {{ clientId }}</h1>
{% if error %}<div class="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1">
<h2 class="nhsuk-error-summary__title" id="error-summary-title">There is a problem</h2><div class="nhsuk-error-summary__body">
<ul class="nhsuk-list nhsuk-error-summary__list"><li><a href="#username">{{ error }}</a></li></ul></div></div>{% endif %}
<form method="post" action="/interaction/{{ uid }}/login" autocomplete="off" novalidate>
<div class="nhsuk-form-group"><label class="nhsuk-label" for="username">Username</label>
<input class="nhsuk-input nhsuk-input--width-20" id="username" name="username" type="text" value="{{ username }}"></div>
<div class="nhsuk-form-group"><label class="nhsuk-label" for="password">Password</label>
<input class="nhsuk-input nhsuk-input--width-20" id="password" name="password" type="password"></div>
<button class="nhsuk-button" type="submit" id="sign-in">Sign in</button></form>
<details class="nhsuk-details"><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Demo people</span></summary>
<div class="nhsuk-details__text"><table class="nhsuk-table"><thead><tr><th>Username</th><th>Password</th><th>Who</th></tr></thead><tbody>
{% for p in people %}<tr><td>{{ p.username }}</td><td>{{ p.password }}</td><td>{{ p.role }}</td></tr>{% endfor %}
</tbody></table></div></details></main></div></body></html>`;

export function renderLoginPage(view: { uid: string; clientId: string; people: DemoPerson[]; username?: string; error?: string }): string {
  return env.renderString(LOGIN_TEMPLATE, view);
}
