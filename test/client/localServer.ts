import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** What the test server saw of one request. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query, as sent on the request line. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, received: ReceivedRequest) => void;

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly requests: ReceivedRequest[];
  /** Sockets currently open on the server side. */
  readonly openSockets: Set<Socket>;
  /** Resolves when every socket the server accepted so far has closed. */
  socketsClosed(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function track(server: Server): { open: Set<Socket>; all: Set<Socket> } {
  const open = new Set<Socket>();
  const all = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    all.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  return { open, all };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => {
    resolve();
  }));
}

/** Starts an HTTP server on 127.0.0.1, port 0, that records each request (body read in full) and hands it to `handler`. */
export async function startServer(handler: Handler): Promise<LocalServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      handler(req, res, received);
    });
  });
  const { open } = track(server);
  const port = await listen(server);
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    openSockets: open,
    socketsClosed: async () => {
      await Promise.all([...open].map((socket) => new Promise<void>((resolve) => {
        if (socket.destroyed) resolve();
        else socket.once('close', () => {
          resolve();
        });
      })));
    },
    close: () => closeServer(server),
  };
}

/** What a test proxy saw of one CONNECT. */
export interface ProxyConnect {
  /** `host:port` asked for. */
  readonly target: string;
  readonly proxyAuthorization: string | undefined;
}

export interface LocalProxy {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly connects: ProxyConnect[];
  close(): Promise<void>;
}

/**
 * Starts a minimal tunnelling (CONNECT) proxy on 127.0.0.1. With `status` other than 200 it
 * refuses every tunnel with that status (e.g. 407).
 */
export async function startProxy(status = 200): Promise<LocalProxy> {
  const connects: ProxyConnect[] = [];
  const server = createServer((_req, res) => {
    res.statusCode = 405;
    res.end('this test proxy only tunnels');
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    connects.push({ target, proxyAuthorization: req.headers['proxy-authorization'] });
    client.on('error', () => undefined);
    if (status !== 200) {
      client.end(`HTTP/1.1 ${status} Refused\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const colon = target.lastIndexOf(':');
    const upstream = connect(Number(target.slice(colon + 1)), target.slice(0, colon), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  track(server);
  const port = await listen(server);
  return { origin: `http://127.0.0.1:${port}`, port, connects, close: () => closeServer(server) };
}
