import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { subscribeToDataChanges } from '../../electron/shell/data-changed-subscription';
import { DATA_CHANGED_CHANNEL, DOMAINS, knownDomains } from '../../shared/data-changes';

/** ipcRenderer as the preload sees it: an emitter whose listeners get (event, ...args). */
function fakeIpc() {
  const ipc = new EventEmitter();
  const event = { sender: { send: () => undefined }, ports: [] };
  return { ipc, push: (...args: unknown[]) => ipc.emit(DATA_CHANGED_CHANNEL, event, ...args) };
}

describe('the preload’s onDataChanged', () => {
  it('passes only known domains, each once, in a fresh array, and never the IPC event', () => {
    const { ipc, push } = fakeIpc();
    const heard: unknown[][] = [];
    subscribeToDataChanges(ipc, (...args: unknown[]) => heard.push(args));
    const pushed = ['organisations', 'audit', 'organisations'];
    push(pushed);
    expect(heard).toEqual([[['organisations', 'audit']]]);
    expect(heard[0]?.[0]).not.toBe(pushed);
  });

  it('drops what is not a domain: unknown names, other types, prototype keys, a payload that is no array', () => {
    const { ipc, push } = fakeIpc();
    const heard: unknown[] = [];
    subscribeToDataChanges(ipc, (domains: unknown) => heard.push(domains));
    push(['tickets', 'no-such-domain', 7, null, { toString: () => 'tickets' }, '__proto__', 'constructor', 'TICKETS', ['persons']]);
    for (const payload of ['organisations', { 0: 'organisations', length: 1 }, null, undefined, 42]) push(payload);
    // Nothing known at all: the renderer is not called (an empty refresh would be noise).
    push(['nope', 'hasOwnProperty']);
    push();
    expect(heard).toEqual([['tickets']]);
  });

  it('hears only its channel, stops after the unsubscribe (twice is harmless), and refuses a callback that is no function', () => {
    const { ipc, push } = fakeIpc();
    const heard: unknown[] = [];
    const stop = subscribeToDataChanges(ipc, (domains: unknown) => heard.push(domains));
    ipc.emit('portier:other', {}, ['persons']);
    push(['persons']);
    stop();
    stop();
    push(['staff']);
    expect(heard).toEqual([['persons']]);
    expect(ipc.listenerCount(DATA_CHANGED_CHANNEL)).toBe(0);
    expect(() => subscribeToDataChanges(ipc, 'alert(1)')).toThrow(TypeError);
    expect(ipc.listenerCount(DATA_CHANGED_CHANNEL)).toBe(0);
  });

  it('knows every domain of the contract, and a long list is cut, not walked to its end', () => {
    expect(knownDomains([...DOMAINS])).toEqual([...DOMAINS]);
    expect(knownDomains([...Array<string>(10_000).fill('x'), 'persons'])).toEqual([]);
  });
});
