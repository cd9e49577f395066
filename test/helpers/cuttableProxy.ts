import net from 'node:net';

export interface CuttableProxy {
  port: number;
  /** True once the proxy cut every connection. */
  cut(): boolean;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback in front of a PostgreSQL server that drops every connection, and
 * stops accepting new ones, the moment a client sends `trigger` — a server lost at a known
 * point of a run, without stopping the shared test cluster.
 */
export function cuttableProxy(upstreamPort: number, trigger: string): Promise<CuttableProxy> {
  const sockets = new Set<net.Socket>();
  let wasCut = false;
  const server = net.createServer((client) => {
    if (wasCut) return client.destroy();
    const upstream = net.connect(upstreamPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      if (chunk.includes(trigger)) return cutAll();
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    for (const socket of [client, upstream]) {
      socket.on('error', () => undefined);
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  const cutAll = () => {
    wasCut = true;
    for (const socket of sockets) socket.destroy();
  };
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        cut: () => wasCut,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
