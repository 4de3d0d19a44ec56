/**
 * Builds the panel's chrome. Text always goes in with `textContent`, never as HTML: the only
 * markup the page ever parses is Mermaid's SVG, which Mermaid sanitises (securityLevel strict).
 */
type Child = Node | string | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; attrs?: Record<string, string>; text?: string } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  if (props.text !== undefined) element.textContent = props.text;
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function button(label: string, title: string, onClick: () => void, className = 'pb-button'): HTMLButtonElement {
  const element = h('button', { class: className, text: label, attrs: { type: 'button', title, 'aria-label': title } });
  element.addEventListener('click', onClick);
  return element;
}

export function select<T extends string>(label: string, choices: readonly { value: T; label: string }[], onChange: (value: T) => void): { wrapper: HTMLLabelElement; element: HTMLSelectElement } {
  const element = h('select', { class: 'pb-select' });
  for (const choice of choices) element.append(h('option', { text: choice.label, attrs: { value: choice.value } }));
  element.addEventListener('change', () => onChange(element.value as T));
  return { wrapper: h('label', { class: 'pb-field' }, h('span', { class: 'pb-field-label', text: label }), element), element };
}
