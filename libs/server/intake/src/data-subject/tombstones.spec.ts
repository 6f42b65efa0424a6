import { createHash } from 'node:crypto';
import { senderAddresses, tombstoneHash, tombstoneKeysOf } from './tombstones';

describe('tombstones', () => {
  it('reads sender addresses from From and Sender, bracketed or bare, lower-cased', () => {
    const header = 'From: "Ann Example" <Ann@Example.ORG>\nSender: helper@example.net\nTo: team@example.org\n';
    expect(senderAddresses(header)).toEqual(['ann@example.org', 'helper@example.net']);
  });

  it('hashes the lower-cased value, never keeping it', () => {
    expect(tombstoneHash(' Ann@Example.org ')).toEqual(createHash('sha256').update('ann@example.org').digest());
  });

  it('keys a message by its bytes, its Message-ID and its sender', () => {
    const digest = Buffer.alloc(32, 1);
    const keys = tombstoneKeysOf('Message-ID: <abc@x.test>\nFrom: a@b.test\n', digest);
    expect(keys.map((k) => k.kind)).toEqual(['raw_sha256', 'message_id', 'sender']);
    expect(keys[1].hash).toEqual(tombstoneHash('abc@x.test'));
  });
});
