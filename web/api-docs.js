// The API reference page: reads the OpenAPI description this server serves and lays it out, one
// operation per card, with each schema shown in full (references resolved), so nothing is fetched
// from elsewhere.

/** @typedef {Record<string, any>} Json */

const root = /** @type {HTMLElement} */ (document.getElementById('reference'));

/** @param {string} tag @param {string} [text] @param {string} [className] */
function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Replaces `$ref`s by the schemas they name, once each along a path (recursive schemas stop). @param {Json} spec @param {unknown} value @param {Set<string>} seen */
function resolve(spec, value, seen = new Set()) {
  if (Array.isArray(value)) return value.map((v) => resolve(spec, v, seen));
  if (!value || typeof value !== 'object') return value;
  const ref = /** @type {Json} */ (value).$ref;
  if (typeof ref === 'string') {
    if (seen.has(ref)) return { $ref: ref };
    const target = ref.replace(/^#\//, '').split('/').reduce((/** @type {Json} */ at, key) => at?.[key], spec);
    return resolve(spec, target, new Set([...seen, ref]));
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(spec, v, seen)]));
}

/** @param {Json} spec @param {string} label @param {unknown} schema */
function schemaBlock(spec, label, schema) {
  const wrap = el('details');
  wrap.append(el('summary', label), el('pre', JSON.stringify(resolve(spec, schema), null, 2)));
  return wrap;
}

/** @param {Json} spec @param {string} path @param {string} method @param {Json} op */
function operationCard(spec, path, method, op) {
  const card = el('section', undefined, 'operation');
  card.id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
  const title = el('h3');
  title.append(el('span', method, 'method'), el('code', path));
  card.append(title);
  if (Array.isArray(op.security) && op.security.length === 0) card.append(el('p', 'Open: no API key needed.', 'open'));
  for (const param of op.parameters ?? []) card.append(el('p', `Parameter ${param.name} (in ${param.in})${param.required ? ', required' : ''}`));
  const body = op.requestBody?.content?.['application/json']?.schema;
  if (body) card.append(schemaBlock(spec, 'Request body (application/json)', body));
  const list = el('ul', undefined, 'responses');
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    const item = el('li');
    item.append(el('strong', status), document.createTextNode(` ${response.description ?? ''}`));
    for (const [type, media] of Object.entries(response.content ?? {})) {
      if (media.schema && type === 'application/json') item.append(schemaBlock(spec, `${status} body (${type})`, media.schema));
    }
    list.append(item);
  }
  card.append(list);
  return card;
}

async function render() {
  try {
    const response = await fetch('/api/openapi.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    /** @type {Json} */
    const spec = await response.json();
    const parts = [el('p', spec.info?.description ?? '', 'intro')];
    const nav = el('ul');
    const cards = [];
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      for (const [method, op] of Object.entries(/** @type {Json} */ (item))) {
        const card = operationCard(spec, path, method, op);
        cards.push(card);
        const link = el('a', `${method.toUpperCase()} ${path}`);
        link.setAttribute('href', `#${card.id}`);
        const entry = el('li');
        entry.append(link);
        nav.append(entry);
      }
    }
    root.replaceChildren(...parts, nav, ...cards);
  } catch (error) {
    root.replaceChildren(el('p', `The API description could not be loaded (${error instanceof Error ? error.message : String(error)}).`));
  }
}

void render();
