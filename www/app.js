// The demo page: loads the engine, fills in an example profile and shows the report or the
// complete list of problems. All computation happens here, in WebAssembly.
import init, { Advisor, FinAdviceError, version } from './pkg/index.js';

const $ = (id) => document.getElementById(id);
let advisor;

async function loadExample(name) {
  const response = await fetch(`./examples/${name}.json`);
  $('profile').value = await response.text();
}

function show() {
  $('errors').replaceChildren();
  $('report').textContent = '';
  try {
    const report = advisor.advise($('profile').value);
    $('report').textContent = JSON.stringify(report, null, 2);
    $('status').textContent = `Report computed locally by finadvice ${version()}.`;
  } catch (error) {
    if (!(error instanceof FinAdviceError)) throw error;
    $('status').textContent = `${error.errors.length} problem(s) in the profile:`;
    for (const issue of error.errors) {
      const item = document.createElement('li');
      const where = document.createElement('code');
      where.textContent = issue.path || '(document)';
      item.append(where, ` ${issue.message} (${issue.code})`);
      $('errors').append(item);
    }
  }
}

await init();
advisor = new Advisor();
await loadExample($('example').value);
$('example').addEventListener('change', async () => { await loadExample($('example').value); show(); });
$('advise').addEventListener('click', show);
$('advise').disabled = false;
show();
document.body.dataset.ready = 'true';
