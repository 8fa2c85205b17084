// Swagger UI as a support agent uses it: Authorize with a read token, open "Read a customer", Try it out, type the ID
// of a customer in a lenient form and nothing else, Execute; then the same with one digit changed. Run by
// scripts/swagger-ui-check.sh, which starts the service and registers the customer:
//   BASE_URL, READ_TOKEN, CUSTOMER_ID, GIVEN_NAME; CHROMIUM (default /usr/bin/chromium); SCREENSHOT_DIR (optional)
import { chromium } from "playwright-core";
import { join } from "node:path";

const { BASE_URL, READ_TOKEN, CUSTOMER_ID, GIVEN_NAME } = process.env;
for (const [name, value] of Object.entries({ BASE_URL, READ_TOKEN, CUSTOMER_ID, GIVEN_NAME })) {
  if (!value) throw new Error(`${name} is not set`);
}
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

/** How a person might type the ID: lower case, in groups separated by spaces. */
function lenient(id) {
  const lower = id.toLowerCase();
  return `${lower.slice(0, 2)} ${lower.slice(2, 6)} ${lower.slice(6, 10)} ${lower.slice(10)}`;
}

/** The ID with one digit of its body changed: the check digit no longer matches. */
function mistyped(id) {
  const digit = Number(id[5]);
  return id.slice(0, 5) + ((digit + 1) % 10) + id.slice(6);
}

/** Every scope of the API: Authorize must name them all. */
const SCOPES = [
  "customers:read",
  "customers:write",
  "interactions:read",
  "interactions:write",
  "accounts:read",
  "accounts:write",
  "privacy:erase",
  "privacy:export",
  "audit:read",
];

/** The example Swagger UI shows for one documented response of an expanded operation. */
async function exampleOf(operation, status) {
  const row = operation.locator(`tr.response[data-code="${status}"]`).first();
  await row.waitFor();
  return row.innerText();
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// Playwright starts Chromium on a new, empty profile of its own.
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const page = await browser.newPage();
page.setDefaultTimeout(20_000);
try {
  await page.goto(`${BASE_URL}/swagger-ui.html`);

  // Authorize with a token that has the read scope only; the dialog lists every scope of the API.
  await page.locator("button.authorize").first().click();
  const dialog = page.locator(".modal-ux");
  const dialogText = await dialog.innerText();
  const missingScopes = SCOPES.filter((scope) => !dialogText.includes(scope));
  check(missingScopes.length === 0, `Authorize does not list ${missingScopes.join(", ")}:\n${dialogText}`);
  await dialog.locator("input").first().fill(READ_TOKEN);
  await dialog.locator("button.authorize").click();
  await dialog.locator("button.btn-done").click();

  const operation = page.locator(".opblock-get", {
    has: page.locator(".opblock-summary-description", { hasText: /^Read a customer by customer ID$/ }),
  }).filter({ has: page.locator('[data-path="/api/v1/customers/{id}"]') });
  await operation.locator(".opblock-summary").click();
  await operation.locator("button.try-out__btn").click();

  async function execute(typed) {
    // Only the ID is typed; every other parameter stays as Swagger UI pre-fills it.
    await operation.locator('tr[data-param-name="id"] input').fill(typed);
    await operation.locator("button.execute").click();
    const response = operation.locator(".live-responses-table tbody .response").first();
    await response.locator(".response-col_status").waitFor();
    const status = (await response.locator(".response-col_status").innerText()).trim();
    const body = await operation.locator(".live-responses-table .response-col_description pre").first().innerText();
    return { status, body };
  }

  const found = await execute(lenient(CUSTOMER_ID));
  check(found.status === "200", `"${lenient(CUSTOMER_ID)}" answered ${found.status}, not 200:\n${found.body}`);
  check(found.body.includes(GIVEN_NAME), `the answer does not show the customer's name ${GIVEN_NAME}:\n${found.body}`);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, "found.png") });

  const typo = lenient(mistyped(CUSTOMER_ID));
  await operation.locator("button.btn-clear").click().catch(() => {});
  const refused = await execute(typo);
  check(refused.status === "400", `"${typo}" answered ${refused.status}, not 400:\n${refused.body}`);
  check(refused.body.includes("check-digit-mismatch"), `"${typo}" did not show the check-digit problem:\n${refused.body}`);
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, "typo.png") });

  // Error responses show their own codes, not one example for all.
  for (const [status, code] of [["400", "check-digit-mismatch"], ["403", "insufficient-scope"], ["404", "customer-not-found"]]) {
    const shown = await exampleOf(operation, status);
    check(shown.includes(`"code": "${code}"`), `"Read a customer" ${status} does not show ${code}:\n${shown}`);
  }
  const patch = page.locator(".opblock-patch").filter({ has: page.locator('[data-path="/api/v1/customers/{id}"]') });
  await patch.locator(".opblock-summary").click();
  for (const [status, code, member] of [["412", "version-conflict", "currentVersion"], ["428", "precondition-required", null]]) {
    const shown = await exampleOf(patch, status);
    check(shown.includes(`"code": "${code}"`), `"Change a customer's profile" ${status} does not show ${code}:\n${shown}`);
    check(!member || shown.includes(`"${member}"`), `the ${code} example does not show ${member}:\n${shown}`);
  }

  // Tags by task, customers first.
  const tags = await page.locator(".opblock-tag-section .opblock-tag").evaluateAll((nodes) =>
    nodes.map((node) => node.getAttribute("data-tag")),
  );
  check(tags[0] === "Customers", `the first tag is ${tags[0]}, not Customers: ${tags.join(", ")}`);

  // "Resolve" pre-fills one identifier, not four (which would be a 400 on the first Execute).
  const resolve = page.locator(".opblock-post").filter({ has: page.locator('[data-path="/api/v1/resolve"]') });
  await resolve.locator(".opblock-summary").click();
  await resolve.locator("button.try-out__btn").click();
  const prefilled = JSON.parse(await resolve.locator("textarea.body-param__text").inputValue());
  check(Object.keys(prefilled).length === 1, `"Resolve" pre-fills ${JSON.stringify(prefilled)}, not one identifier`);

  console.log(`swagger-ui: Authorize lists ${SCOPES.length} scopes; error responses show their own codes`);
  console.log(`swagger-ui: tags ${tags.slice(0, 3).join(", ")}...; "Resolve" pre-fills ${JSON.stringify(prefilled)}`);
  console.log(`swagger-ui: "${lenient(CUSTOMER_ID)}" shows ${GIVEN_NAME}; "${typo}" shows check-digit-mismatch`);
} finally {
  await browser.close();
}
