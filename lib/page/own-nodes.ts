// The elements this content script made (badge hosts). Only these are Tierkit's: an element the page
// made or copied is never taken for one, whatever its name or attributes (cloneNode copies a badge's
// tag and attributes, aria-label included, but not its shadow root).
const own = new WeakSet<Node>();

export function markOwn(node: Node): void {
  own.add(node);
}

export function isOwn(node: Node): boolean {
  return own.has(node);
}
