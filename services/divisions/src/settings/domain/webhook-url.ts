export const MAX_WEBHOOK_URL_LENGTH = 2048;

export type WebhookUrlCheck =
  | { valid: true; url: string }
  | { valid: false; code: 'WEBHOOK_URL_INVALID' | 'WEBHOOK_URL_NOT_HTTPS' | 'WEBHOOK_URL_HAS_CREDENTIALS' }
  | { valid: false; code: 'WEBHOOK_URL_TOO_LONG'; maxLength: number }
  | { valid: false; code: 'WEBHOOK_URL_NOT_PUBLIC'; host: string };

/**
 * Checks a custom allocation webhook URL by its syntax alone. It must be an absolute
 * https URL with no user name or password. Its host must not be `localhost`, a one-label
 * name, or an IPv4 or IPv6 literal in a loopback, private, link-local, shared
 * (carrier-grade NAT), multicast or reserved range. Returns the URL as the WHATWG URL
 * parser serializes it, so `https://0x7f000001/` is checked and stored as `https://127.0.0.1/`.
 *
 * NOTE: a public name can still resolve to a private address. Whatever calls the
 * webhook must check the resolved address before it connects.
 */
export function checkWebhookUrl(input: string): WebhookUrlCheck {
  const trimmed = input.trim();
  if (trimmed.length > MAX_WEBHOOK_URL_LENGTH) {
    return { valid: false, code: 'WEBHOOK_URL_TOO_LONG', maxLength: MAX_WEBHOOK_URL_LENGTH };
  }

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { valid: false, code: 'WEBHOOK_URL_INVALID' };
  }

  if (url.protocol !== 'https:') {
    return { valid: false, code: 'WEBHOOK_URL_NOT_HTTPS' };
  }

  // The URL is stored in events and published to Kafka, where no secret may appear.
  if (url.username !== '' || url.password !== '') {
    return { valid: false, code: 'WEBHOOK_URL_HAS_CREDENTIALS' };
  }

  if (!isPublicHost(url.hostname)) {
    return { valid: false, code: 'WEBHOOK_URL_NOT_PUBLIC', host: url.hostname };
  }

  return { valid: true, url: url.href };
}

/** Expects a host as `URL.hostname` serializes it: lower case, IPv6 in brackets, IPv4 dotted. */
function isPublicHost(hostname: string): boolean {
  if (hostname.startsWith('[')) {
    const hextets = parseIpv6(hostname.slice(1, -1));
    return hextets !== undefined && isPublicIpv6(hextets);
  }

  const ipv4 = parseIpv4(hostname);
  if (ipv4 !== undefined) {
    return isPublicIpv4(ipv4);
  }

  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  if (name === 'localhost' || name.endsWith('.localhost')) {
    return false;
  }

  // A name without a dot resolves only through local search domains.
  return name.includes('.');
}

/** [first, last] inclusive ranges of IPv4 addresses as unsigned 32-bit numbers. */
const NON_PUBLIC_IPV4_RANGES: Array<[number, number]> = [
  ipv4Range(0, 0, 0, 0, 8), // "this network", including the unspecified 0.0.0.0
  ipv4Range(10, 0, 0, 0, 8), // private
  ipv4Range(100, 64, 0, 0, 10), // shared address space (carrier-grade NAT)
  ipv4Range(127, 0, 0, 0, 8), // loopback
  ipv4Range(169, 254, 0, 0, 16), // link-local, including cloud metadata endpoints
  ipv4Range(172, 16, 0, 0, 12), // private
  ipv4Range(192, 168, 0, 0, 16), // private
  ipv4Range(224, 0, 0, 0, 4), // multicast
  ipv4Range(240, 0, 0, 0, 4), // reserved, including the broadcast 255.255.255.255
];

function ipv4Range(a: number, b: number, c: number, d: number, prefixLength: number): [number, number] {
  const first = toUint32([a, b, c, d]);
  const size = 2 ** (32 - prefixLength);
  return [first, first + size - 1];
}

function toUint32(octets: number[]): number {
  return ((octets[0] * 256 + octets[1]) * 256 + octets[2]) * 256 + octets[3];
}

function parseIpv4(hostname: string): number | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  if (match === null) {
    return undefined;
  }
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? toUint32(octets) : undefined;
}

function isPublicIpv4(address: number): boolean {
  return !NON_PUBLIC_IPV4_RANGES.some(([first, last]) => address >= first && address <= last);
}

/** Parses the hexadecimal form that `URL` serializes IPv6 addresses to, into eight 16-bit groups. */
function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) {
    return undefined;
  }

  const head = parseHextets(halves[0]);
  const tail = halves.length === 2 ? parseHextets(halves[1]) : [];
  if (head === undefined || tail === undefined) {
    return undefined;
  }

  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) {
    return undefined;
  }
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

function parseHextets(text: string): number[] | undefined {
  if (text === '') {
    return [];
  }
  const groups = text.split(':');
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) {
    return undefined;
  }
  return groups.map((group) => parseInt(group, 16));
}

function isPublicIpv6(hextets: number[]): boolean {
  const [first] = hextets;
  const firstFiveZero = hextets.slice(0, 5).every((hextet) => hextet === 0);

  // ::ffff:a.b.c.d (IPv4-mapped) and 64:ff9b::a.b.c.d (NAT64) reach the embedded IPv4 address.
  const ipv4Mapped = firstFiveZero && hextets[5] === 0xffff;
  const nat64 = first === 0x64 && hextets[1] === 0xff9b && hextets.slice(2, 6).every((hextet) => hextet === 0);
  if (ipv4Mapped || nat64) {
    return isPublicIpv4(hextets[6] * 0x10000 + hextets[7]);
  }

  // ::/96 contains the unspecified ::, the loopback ::1 and the deprecated IPv4-compatible addresses.
  if (firstFiveZero && hextets[5] === 0) {
    return false;
  }

  const uniqueLocal = (first & 0xfe00) === 0xfc00; // fc00::/7
  const linkLocal = (first & 0xffc0) === 0xfe80; // fe80::/10
  const siteLocal = (first & 0xffc0) === 0xfec0; // fec0::/10, deprecated but still routed privately
  const multicast = (first & 0xff00) === 0xff00; // ff00::/8
  return !(uniqueLocal || linkLocal || siteLocal || multicast);
}
