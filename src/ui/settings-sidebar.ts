import type { SettingField, SettingKey, SettingsForm } from '../workbook/settings-form';
import { byId, el, failureText, focusIfLost, setStatus, whileBusy } from './dom';
import { pageData, server } from './google-script';

/**
 * 設定: one labelled field per 項目 of the 設定 sheet. The server validates each as the checks will read it
 * and answers with a Japanese error per field; nothing is written until every field can be used.
 */

/** The texts as loaded: the server refuses to save over a row someone changed since. */
let loaded: Partial<Record<SettingKey, string>> = {};

function fieldId(key: SettingKey): string {
  return `setting-${key}`;
}

function field(f: SettingField): HTMLElement {
  const id = fieldId(f.key);
  const attrs = {
    id,
    name: f.key,
    placeholder: f.placeholder ? `既定: ${f.placeholder}` : '',
    'aria-describedby': `${id}-hint ${id}-error`,
    autocomplete: 'off',
  };
  const input = f.multiline ? el('textarea', { attrs: { ...attrs, rows: '3' } }) : el('input', { attrs: { ...attrs, type: 'text' } });
  input.value = f.value;
  return el(
    'div',
    { class: 'field', attrs: { 'data-key': f.key } },
    el('label', { text: f.label, attrs: { for: id } }),
    input,
    el('p', { class: 'hint', text: f.expected, attrs: { id: `${id}-hint` } }),
    el('p', { class: 'field-error', attrs: { id: `${id}-error`, 'aria-live': 'polite' } }),
  );
}

function showErrors(errors: Partial<Record<SettingKey, string>>, focus = true): void {
  let first: HTMLElement | undefined;
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('.field'))) {
    const key = node.dataset.key as SettingKey;
    const message = errors[key];
    node.classList.toggle('invalid', message !== undefined);
    const input = node.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    input?.setAttribute('aria-invalid', message !== undefined ? 'true' : 'false');
    const slot = node.querySelector('.field-error');
    if (slot) slot.textContent = message ?? '';
    if (message !== undefined && !first && input) first = input;
  }
  if (first && focus) {
    first.scrollIntoView({ block: 'center' });
    first.focus();
  }
}

function render(form: SettingsForm): void {
  loaded = Object.fromEntries(form.fields.map((f) => [f.key, f.value]));
  byId('fields').replaceChildren(...form.fields.map(field));
  const errors: Partial<Record<SettingKey, string>> = {};
  for (const f of form.fields) if (f.error !== undefined) errors[f.key] = `${f.error}（今は既定値で動いています）`;
  showErrors(errors, false);
  const notice = byId('notice');
  notice.replaceChildren();
  if (!form.sheetExists) notice.append(el('p', { class: 'notice info', text: '「設定」シートはまだありません。保存すると作成します。' }));
}

function values(): Partial<Record<SettingKey, string>> {
  const out: Partial<Record<SettingKey, string>> = {};
  for (const node of Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('.field input, .field textarea'))) {
    out[node.name as SettingKey] = node.value;
  }
  return out;
}

function main(): void {
  render(pageData<SettingsForm>());
  const save = byId<HTMLButtonElement>('save');
  const status = byId('status');
  byId<HTMLFormElement>('form').addEventListener('submit', (event) => {
    event.preventDefault();
    setStatus(status, '');
    whileBusy(save, '保存中…', () => server.settingsSidebarSave(values(), loaded))
      .then((result) => {
        if (result.form) render(result.form);
        if (result.ok) {
          setStatus(status, result.message, 'success');
          // 保存 was disabled while saving and the fields were drawn again: the focus went with them. The status
          // line says what happened; the focus waits on 保存, where the person left it.
          focusIfLost(save);
          return;
        }
        // The first refused field takes the focus, with its message as its description.
        showErrors(result.errors);
        setStatus(status, result.message, 'error');
      })
      .catch((e: unknown) => {
        setStatus(status, failureText(e), 'error');
        focusIfLost(save);
      });
  });
}

main();
