// The sender picker and the command chips (browser code; see page-state.ts): who the page speaks as.

function currentSender(): Person {
  const id = $<HTMLSelectElement>('sender').value;
  return state.people.find((p) => p.userid === id) ?? STRANGER;
}

async function refreshRoster(): Promise<void> {
  let data: { people: Person[] };
  try {
    data = await getJson<{ people: Person[] }>('/demo/api/roster');
  } catch {
    return;
  }
  state.people = data.people;
  state.names = {};
  data.people.forEach(function (p) {
    state.names[p.userid] = p.name;
  });
  const select = $<HTMLSelectElement>('sender');
  const keep = select.value || localStorage.getItem('demo.sender') || '';
  select.textContent = '';
  const groups: Array<[string, Person[]]> = [
    ['人大办工作人员', data.people.filter((p) => p.isOffice)],
    ['代表', data.people.filter((p) => !p.isOffice)],
    ['其他', [STRANGER]],
  ];
  groups.forEach(function (g) {
    if (!g[1].length) return;
    const og = document.createElement('optgroup');
    og.label = g[0];
    g[1].forEach(function (p) {
      const o = el('option', null, p.name + (p.isOffice ? '（人大办）' : p.group ? '（' + p.group + '）' : ''));
      o.value = p.userid;
      og.appendChild(o);
    });
    select.appendChild(og);
  });
  const ids = data.people
    .map(function (p) {
      return p.userid;
    })
    .concat([STRANGER.userid]);
  const fallback =
    data.people.filter(function (p) {
      return !p.isOffice;
    })[0] ||
    data.people[0] ||
    STRANGER;
  select.value = ids.indexOf(keep) >= 0 ? keep : fallback.userid;
  renderChips();
}

function renderChips(): void {
  const box = $('chips');
  box.textContent = '';
  if (!state.session) return;
  const text = $<HTMLTextAreaElement>('text');
  const office = currentSender().isOffice;
  state.session.commands
    .filter(function (c) {
      return c.role === 'deputy' || (c.role === 'office' && office);
    })
    .forEach(function (c) {
      const b = el('button', 'chip' + (c.role === 'office' ? ' office' : ''), c.name);
      b.type = 'button';
      b.title = c.example;
      b.addEventListener('click', function () {
        text.value = c.example;
        text.focus();
      });
      box.appendChild(b);
    });
}
