// The `k6/websockets` module on Node: the `ws` client has the same browser-like API (binaryType, onopen, onmessage, send, close).
export { WebSocket } from 'ws';
