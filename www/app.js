// The demo page: a choice of example personas feeding the <fin-advice> element.
const PERSONAS = [
  ['new-graduate', 'New graduate with card debt'],
  ['transactions-only', 'Gig worker, transactions only'],
  ['invalid-many', 'A profile with mistakes'],
];

const select = document.getElementById('persona');
const element = document.querySelector('fin-advice');
for (const [value, label] of PERSONAS) select.append(new Option(label, value));

const examples = new Map(await Promise.all(PERSONAS.map(async ([name]) => [name, await (await fetch(`./examples/${name}.json`)).json()])));

select.addEventListener('change', async () => {
  element.profile = select.value ? examples.get(select.value) : {};
  if (select.value) await element.advise();
});
document.body.dataset.ready = 'true';
