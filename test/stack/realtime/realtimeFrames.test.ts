import { RealtimeClient } from '@supabase/realtime-js';
import { WebSocket } from 'undici';
import { describe, expect, it } from 'vitest';
import { passesFilter, parseChangeFilter, type ChangeFilter } from '../../../stack/realtime/postgresChangesFilter.ts';
import { toRealtimeValue } from '../../../stack/realtime/realtimeValue.ts';
import { decodeUserBroadcastPush, encodeUserBroadcast } from '../../../stack/realtime/userBroadcastFrame.ts';

/** The byte-level and value-level rules, checked against realtime-js's own serializer where it has one. */
describe('realtime frames, values and filters', () => {
  // realtime-js's own 2.0.0 serializer (a client that never connects).
  const { serializer } = new RealtimeClient('ws://127.0.0.1:9/realtime/v1', { params: { apikey: 'unused' }, transport: WebSocket as never });
  const viaSerializer = (message: Parameters<typeof serializer.encode>[0]) => {
    let frame: ArrayBuffer | string = '';
    serializer.encode(message, (encoded: ArrayBuffer | string) => (frame = encoded));
    return frame as unknown as ArrayBuffer;
  };

  it("reads realtime-js's kind-3 broadcast pushes, JSON and binary payloads", () => {
    const json = decodeUserBroadcastPush(Buffer.from(viaSerializer({ join_ref: '4', ref: '9', topic: 'realtime:room', event: 'broadcast', payload: { type: 'broadcast', event: 'cursor', payload: { x: 1 } } })));
    expect(json).toEqual({
      message: { join_ref: '4', ref: '9', topic: 'realtime:room', event: 'broadcast', payload: { type: 'broadcast', event: 'cursor', payload: { x: 1 } } },
      broadcast: { topic: 'realtime:room', event: 'cursor', payload: { x: 1 }, binary: false, metadata: '' },
    });
    const bytes = new Uint8Array([1, 2, 250]).buffer;
    const binary = decodeUserBroadcastPush(Buffer.from(viaSerializer({ join_ref: '4', ref: '10', topic: 'realtime:room', event: 'broadcast', payload: { type: 'broadcast', event: 'blob', payload: bytes } })));
    expect(binary?.broadcast).toMatchObject({ event: 'blob', binary: true, payload: Buffer.from([1, 2, 250]) });
  });

  it('writes kind-4 frames that realtime-js decodes into the broadcast it dispatches', () => {
    const frame = encodeUserBroadcast({ topic: 'realtime:room', event: 'cursor', payload: { x: 1, who: 'gom' }, binary: false, metadata: '' });
    let decoded: unknown;
    serializer.decode(frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.length) as ArrayBuffer, (message: unknown) => (decoded = message));
    expect(decoded).toEqual({ join_ref: null, ref: null, topic: 'realtime:room', event: 'broadcast', payload: { type: 'broadcast', event: 'cursor', payload: { x: 1, who: 'gom' } } });
  });

  it('turns pgoutput text into the JSON values to_jsonb gives', () => {
    expect(toRealtimeValue('int4', '42')).toBe(42);
    expect(toRealtimeValue('numeric', '500.50')).toBe(500.5);
    expect(toRealtimeValue('bool', 'f')).toBe(false);
    expect(toRealtimeValue('jsonb', '{"a": [1]}')).toEqual({ a: [1] });
    expect(toRealtimeValue('timestamptz', '2026-11-20 14:00:00.123456+00')).toBe('2026-11-20T14:00:00.123456+00:00');
    expect(toRealtimeValue('timestamp', '2026-11-20 14:00:00')).toBe('2026-11-20T14:00:00');
    expect(toRealtimeValue('_text', '{a,"b c",NULL}')).toEqual(['a', 'b c', null]);
    expect(toRealtimeValue('_int4', '{1,2}')).toEqual([1, 2]);
    expect(toRealtimeValue('uuid', null)).toBeNull();
  });

  it("applies Realtime's filter operators by the column's type", () => {
    const filter = (text: string) => parseChangeFilter(text) as ChangeFilter;
    const row = { qty: 5, name: 'Album Ver. A', at: '2026-11-20T14:00:00+00:00', id: 'AB-1', gone: null };
    const cases: [string, string, boolean][] = [
      ['qty=eq.5', 'int4', true], ['qty=neq.5', 'int4', false], ['qty=lt.10', 'int4', true], ['qty=lte.5', 'int4', true],
      ['qty=gt.40', 'int4', false], ['qty=gte.5', 'int4', true], ['qty=in.(1,5,9)', 'int4', true], ['qty=in.(1,9)', 'int4', false],
      ['at=gt.2026-11-20 13:59:59+00', 'timestamptz', true], ['name=like.Album%', 'text', true], ['name=ilike.%ver. a', 'text', true],
      ['name=match.^Album', 'text', true], ['name=imatch.ALBUM', 'text', true], ['gone=is.null', 'text', true], ['gone=eq.x', 'text', false],
      ['gone=isdistinct.x', 'text', true], ['id=isdistinct.AB-1', 'text', false],
    ];
    for (const [text, type, expected] of cases) expect([text, passesFilter(filter(text), row, type)]).toEqual([text, expected]);
    expect(parseChangeFilter('qty=between.1')).toMatch(/invalid filter operator/);
    expect(parseChangeFilter(`qty=in.(${Array.from({ length: 101 }, (_, i) => i).join(',')})`)).toMatch(/at most 100/);
  });
});
