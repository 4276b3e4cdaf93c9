import { userMessage } from '../gas/errors';

/**
 * The few DOM helpers every page shares. Pages build their content with textContent only, never
 * innerHTML, so a value typed into a cell can never become markup.
 */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string; attrs?: Record<string, string> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} がありません。`);
  return node as T;
}

export function button(label: string, className: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const node = el('button', { class: className, text: label, attrs: { type: 'button', ...attrs } });
  node.addEventListener('click', onClick);
  return node;
}

/** A status line (role=status, so a screen reader announces it). */
export function setStatus(node: HTMLElement, text: string, kind: 'info' | 'error' | 'success' = 'info'): void {
  node.textContent = text;
  node.className = kind === 'info' ? 'status' : `status ${kind}`;
}

/** What a failed server call says to the person: the server's Japanese sentence, or a Japanese wrapper. */
export function failureText(error: unknown): string {
  // google.script.run may prefix the server's message with the exception's type.
  return userMessage(error).replace(/^(Exception|Error|ScriptError):\s*/, '');
}

/** Disables a button while its call runs, with a label saying what is happening. */
export async function whileBusy<T>(control: HTMLButtonElement, busyLabel: string, job: () => Promise<T>): Promise<T> {
  const label = control.textContent ?? '';
  control.disabled = true;
  control.textContent = busyLabel;
  try {
    return await job();
  } finally {
    control.disabled = false;
    control.textContent = label;
  }
}

/**
 * Gives the focus to `target` when the last action left it nowhere: a button disabled while its call ran, or a part
 * of the page drawn again, drops the focus to <body>, and a keyboard or screen reader user would have to start again
 * from the top of the page. Focus that the person moved on to something else in the meantime stays where it is.
 */
export function focusIfLost(target: HTMLElement): void {
  const active = document.activeElement;
  if (active === null || active === document.body || !active.isConnected) target.focus();
}

const SVG = 'http://www.w3.org/2000/svg';

/** Material icons drawn inline (no icon font to fetch). */
export function icon(name: 'done' | 'info', color: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('fill', color);
  path.setAttribute(
    'd',
    name === 'done'
      ? 'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm-2 15-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8l-9 9z'
      : 'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z',
  );
  svg.append(path);
  return svg;
}
