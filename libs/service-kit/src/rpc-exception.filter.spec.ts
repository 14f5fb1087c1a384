import type { ArgumentsHost } from '@nestjs/common';
import { MongoNetworkError } from 'mongodb';
import { firstValueFrom, type Observable } from 'rxjs';
import { DomainError } from '@regu/contracts';
import { ServiceErrorFilter } from './rpc-exception.filter';

const rpcHost = {
  getType: () => 'rpc',
  switchToRpc: () => ({ getContext: () => ({ getPattern: () => 'divisions.list-divisions' }) }),
} as unknown as ArgumentsHost;

async function serviceErrorFor(exception: unknown): Promise<unknown> {
  const result = new ServiceErrorFilter().catch(exception, rpcHost) as Observable<never>;
  return firstValueFrom(result).catch((error: unknown) => error);
}

describe('ServiceErrorFilter', () => {
  it('keeps the code and status of a broken rule', async () => {
    const error = await serviceErrorFor(new DomainError('DIVISION_NOT_FOUND', 404, 'Division d-1 was not found.', { divisionId: 'd-1' }));

    expect(error).toEqual({ status: 404, code: 'DIVISION_NOT_FOUND', detail: 'Division d-1 was not found.', params: { divisionId: 'd-1' }, errors: [] });
  });

  it('answers 503 when the database is unreachable', async () => {
    const error = await serviceErrorFor(new MongoNetworkError('read ECONNRESET'));

    expect(error).toEqual({ status: 503, code: 'STORE_UNAVAILABLE', detail: 'The service cannot reach its database; retry shortly.' });
  });

  it('hides the details of an unexpected error', async () => {
    const error = await serviceErrorFor(new TypeError('undefined is not a function'));

    expect(error).toEqual({ status: 500, code: 'INTERNAL_ERROR', detail: 'The service failed to process the request.' });
  });
});
