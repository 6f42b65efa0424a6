import type { NextFunction, Request, Response } from 'express';
import { rejectInvalidClientAddress } from './client-address';

describe('rejectInvalidClientAddress', () => {
  const run = (ip: string | undefined) => {
    const res = { status: jest.fn(), json: jest.fn() };
    res.status.mockReturnValue(res);
    const next = jest.fn() as NextFunction;
    rejectInvalidClientAddress({ ip } as Request, res as unknown as Response, next);
    return { res, next };
  };

  it('lets IPv4, IPv6 and mapped addresses through', () => {
    for (const ip of ['203.0.113.9', '2001:db8::1', '::ffff:127.0.0.1', undefined])
      expect(run(ip).next).toHaveBeenCalled();
  });

  it('answers 400 naming X-Forwarded-For when the forwarded address is not an IP address', () => {
    const { res, next } = run('garbage');
    expect(next).not.toHaveBeenCalled();
    expect(res.status).toHaveBeenCalledWith(400);
    expect(res.json).toHaveBeenCalledWith(
      expect.objectContaining({ statusCode: 400, fields: { 'X-Forwarded-For': 'must be a list of IP addresses' } }),
    );
  });
});
