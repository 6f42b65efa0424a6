import { pickRoundRobin } from './round-robin';

describe('pickRoundRobin', () => {
  const team = ['a', 'b', 'c'];
  const anyone = () => true;

  it('takes turns, wrapping around', () => {
    expect(pickRoundRobin(team, null, anyone)).toBe('a');
    expect(pickRoundRobin(team, 'a', anyone)).toBe('b');
    expect(pickRoundRobin(team, 'c', anyone)).toBe('a');
  });

  it('starts from the top when the last assignee has left', () => {
    expect(pickRoundRobin(team, 'gone', anyone)).toBe('a');
  });

  it('skips anyone who cannot take another case', () => {
    expect(pickRoundRobin(team, 'a', (id) => id !== 'b')).toBe('c');
    expect(pickRoundRobin(team, 'b', (id) => id === 'b')).toBe('b');
  });

  it('answers null when nobody can', () => {
    expect(pickRoundRobin(team, 'a', () => false)).toBeNull();
    expect(pickRoundRobin([], null, anyone)).toBeNull();
  });
});
