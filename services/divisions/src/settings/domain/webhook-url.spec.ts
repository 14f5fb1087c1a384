import { checkWebhookUrl, MAX_WEBHOOK_URL_LENGTH } from './webhook-url';

describe('checkWebhookUrl', () => {
  it.each([
    ['https://hooks.example.com/allocate', 'https://hooks.example.com/allocate'],
    ['  https://Hooks.Example.COM:8443/a?b=c  ', 'https://hooks.example.com:8443/a?b=c'],
    ['https://8.8.8.8/', 'https://8.8.8.8/'],
    ['https://172.32.0.1/', 'https://172.32.0.1/'],
    ['https://100.128.0.1/', 'https://100.128.0.1/'],
    ['https://[2001:4860:4860::8888]/', 'https://[2001:4860:4860::8888]/'],
    ['https://[::ffff:8.8.8.8]/', 'https://[::ffff:808:808]/'],
    ['https://localhost.example.com/', 'https://localhost.example.com/'],
  ])('accepts %s', (input, expected) => {
    expect(checkWebhookUrl(input)).toEqual({ valid: true, url: expected });
  });

  it.each(['not a url', '/relative/path', 'https://', ''])('rejects %p as invalid', (input) => {
    expect(checkWebhookUrl(input)).toEqual({ valid: false, code: 'WEBHOOK_URL_INVALID' });
  });

  it.each(['http://hooks.example.com/', 'ftp://hooks.example.com/', 'wss://hooks.example.com/'])('rejects %s as not https', (input) => {
    expect(checkWebhookUrl(input)).toEqual({ valid: false, code: 'WEBHOOK_URL_NOT_HTTPS' });
  });

  it.each(['https://user@hooks.example.com/', 'https://user:secret@hooks.example.com/', 'https://:secret@hooks.example.com/'])(
    'rejects %s with credentials',
    (input) => {
      expect(checkWebhookUrl(input)).toEqual({ valid: false, code: 'WEBHOOK_URL_HAS_CREDENTIALS' });
    },
  );

  it('rejects a URL longer than the maximum', () => {
    const input = `https://hooks.example.com/${'a'.repeat(MAX_WEBHOOK_URL_LENGTH)}`;

    expect(checkWebhookUrl(input)).toEqual({ valid: false, code: 'WEBHOOK_URL_TOO_LONG', maxLength: MAX_WEBHOOK_URL_LENGTH });
  });

  it.each([
    ['https://localhost/', 'localhost'],
    ['https://LOCALHOST./', 'localhost.'],
    ['https://api.localhost/', 'api.localhost'],
    ['https://intranet/', 'intranet'],
    ['https://0.0.0.0/', '0.0.0.0'],
    ['https://10.1.2.3/', '10.1.2.3'],
    ['https://100.64.0.1/', '100.64.0.1'],
    ['https://127.0.0.1/', '127.0.0.1'],
    ['https://127.1/', '127.0.0.1'],
    ['https://0x7f000001/', '127.0.0.1'],
    ['https://2130706433/', '127.0.0.1'],
    ['https://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['https://172.16.0.1/', '172.16.0.1'],
    ['https://172.31.255.255/', '172.31.255.255'],
    ['https://192.168.0.10/', '192.168.0.10'],
    ['https://224.0.0.1/', '224.0.0.1'],
    ['https://255.255.255.255/', '255.255.255.255'],
    ['https://[::]/', '[::]'],
    ['https://[::1]/', '[::1]'],
    ['https://[0:0:0:0:0:0:0:1]/', '[::1]'],
    ['https://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['https://[::ffff:10.0.0.1]/', '[::ffff:a00:1]'],
    ['https://[64:ff9b::192.168.1.1]/', '[64:ff9b::c0a8:101]'],
    ['https://[::127.0.0.1]/', '[::7f00:1]'],
    ['https://[fc00::1]/', '[fc00::1]'],
    ['https://[fd12:3456::1]/', '[fd12:3456::1]'],
    ['https://[fe80::1]/', '[fe80::1]'],
    ['https://[febf::1]/', '[febf::1]'],
    ['https://[fec0::1]/', '[fec0::1]'],
    ['https://[ff02::1]/', '[ff02::1]'],
  ])('rejects %s as not public', (input, host) => {
    expect(checkWebhookUrl(input)).toEqual({ valid: false, code: 'WEBHOOK_URL_NOT_PUBLIC', host });
  });
});
