// A real OpenID Connect provider on the loopback for the portal's login tests.
//
//   node provider.mjs <port> <config.json>
//
// config.json holds the clients and the accounts:
//   {"clients": [{"client_id": ..., "client_secret": ..., "redirect_uris": [...],
//                 "post_logout_redirect_uris": [...]}],
//    "accounts": {"<login>": {"sub": ..., "email": ..., "email_verified": true,
//                             "acr": ..., "amr": ["pwd", "mfa"], "pid": ...}}}
// An account with a pid (the national identity number, as ID-porten issues it) gets it in
// the ID token and from userinfo; acr is the level the login is said to have.
// The accounts are read again at every login, so a test changes the claims by rewriting the
// file while the provider runs. The login page is a plain form (a browser test clicks it); a
// headless test posts the same form with the account's login. Consent is a second form.
import { readFileSync } from "node:fs";
import { generateKeyPairSync, randomBytes } from "node:crypto";

import Provider from "oidc-provider";

const port = Number(process.argv[2] || process.env.OIDC_TEST_PORT || 9400);
const configPath = process.argv[3] || process.env.OIDC_TEST_CONFIG;
if (!configPath) {
  console.error("usage: node provider.mjs <port> <config.json>");
  process.exit(2);
}
const load = () => JSON.parse(readFileSync(configPath, "utf8"));
const issuer = `http://127.0.0.1:${port}`;

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" };

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

const configuration = {
  clients: load().clients.map((client) => ({
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_post",
    id_token_signed_response_alg: "RS256",
    ...client,
  })),
  jwks: { keys: [jwk] },
  cookies: { keys: [randomBytes(16).toString("hex")] },
  // Every client must use PKCE, as the portal does.
  pkce: { required: () => true },
  acrValues: ["idporten-loa-low", "idporten-loa-substantial", "idporten-loa-high"],
  claims: {
    // The ID token carries acr and amr (as Entra ID and ID-porten do) with the openid scope.
    openid: ["sub", "acr", "amr", "auth_time", "pid"],
    email: ["email", "email_verified"],
    profile: ["name", "given_name", "family_name"],
  },
  // The ID token carries the scopes' claims, also in the code flow: ID-porten puts pid in the
  // ID token, and the portal must read it there (userinfo only as a fallback).
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = page(
          "Log out of the test provider?",
          `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, log out</button>`,
        );
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.body = page("Logged out of the test provider", "");
      },
    },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  // The account id is the subject (sub) the provider issues.
  findAccount: async (ctx, sub) => {
    const account = Object.entries(load().accounts)
      .map(([login, claims]) => ({ sub: login, ...claims }))
      .find((candidate) => candidate.sub === sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      claims: async () => ({
        sub,
        email: account.email,
        email_verified: account.email_verified,
        name: account.name,
        ...(account.pid ? { pid: account.pid } : {}),
      }),
    };
  },
  ttl: { IdToken: 300, AccessToken: 300, Interaction: 600, Session: 3600, Grant: 3600 },
};

const provider = new Provider(issuer, configuration);

async function formBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
}

provider.use(async (ctx, next) => {
  const match = ctx.path.match(/^\/interaction\/([^/]+)(?:\/(login|confirm))?$/);
  if (!match) return next();
  const [, uid, action] = match;
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (details.uid !== uid) ctx.throw(400, "interaction mismatch");
  const { prompt, params } = details;

  if (ctx.method === "GET" && !action) {
    ctx.type = "html";
    if (prompt.name === "login") {
      const options = Object.keys(load().accounts)
        .map((login) => `<option value="${escape(login)}">${escape(login)}</option>`)
        .join("");
      ctx.body = page(
        "Sign in to the test provider",
        `<form method="post" action="/interaction/${uid}/login">
<label for="account">Account</label>
<select id="account" name="account">${options}</select>
<button type="submit">Sign in</button></form>`,
      );
    } else {
      ctx.body = page(
        `Allow ${params.client_id} to use your identity?`,
        `<form method="post" action="/interaction/${uid}/confirm">
<button type="submit">Allow</button></form>`,
      );
    }
    return undefined;
  }
  if (ctx.method !== "POST") ctx.throw(405);

  let result;
  if (action === "login") {
    const { account: login } = await formBody(ctx.req);
    const account = load().accounts[login];
    if (!account) ctx.throw(400, "no such test account");
    result = {
      login: {
        accountId: account.sub ?? login,
        ...(account.acr ? { acr: account.acr } : {}),
        ...(account.amr ? { amr: account.amr } : {}),
      },
    };
  } else if (action === "confirm") {
    const missing = prompt.details;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes || {})) {
      grant.addResourceScope(indicator, scopes.join(" "));
    }
    result = { consent: { grantId: await grant.save() } };
  } else {
    ctx.throw(404);
  }
  await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
  ctx.respond = false;
  return undefined;
});

provider.listen(port, "127.0.0.1", () => {
  console.log(`test OpenID Connect provider at ${issuer}`);
});
