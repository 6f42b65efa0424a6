import type { NextFunction, Request, Response } from 'express';
import { ignoreInvalidClientAddress } from './client-address';

describe('ignoreInvalidClientAddress', () => {
  const run = (ip: string | undefined) => {
    const req = { ip, socket: { remoteAddress: '10.0.0.7' } } as unknown as Request;
    const next = jest.fn() as NextFunction;
    ignoreInvalidClientAddress(req, {} as Response, next);
    expect(next).toHaveBeenCalledWith();
    return req.ip;
  };

  it('keeps IPv4, IPv6 and mapped addresses', () => {
    for (const ip of ['203.0.113.9', '2001:db8::1', '::ffff:127.0.0.1']) expect(run(ip)).toBe(ip);
  });

  it("falls back to the socket's address when the forwarded address is not an IP address", () => {
    for (const ip of ['garbage', '999.1.1.1', '1.2.3.4:5678']) expect(run(ip)).toBe('10.0.0.7');
  });
});
