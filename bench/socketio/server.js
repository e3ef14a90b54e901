// Socket.IO notification server written the way most web teams would: an in-memory map of users to
// sockets, a room per user, and a pending list per offline user that is delivered on connect. Nothing
// is durable, so a restart loses the pending lists. It serves the same HTTP shape as the Orleans
// WebFront so that the benchmark harness drives every system the same way.
//
// Usage: node server.js --port PORT   (binds 127.0.0.1 only)
//
// BENCH_SIGNING_KEY (base64) sets the token signing key, so that tokens stay valid across a restart. Without it the
// server makes a key at start.

'use strict';

const crypto = require('node:crypto');
const http = require('node:http');
const { Server } = require('socket.io');

const port = Number(readArgument('--port', '0'));
const signingKey = process.env.BENCH_SIGNING_KEY
  ? Buffer.from(process.env.BENCH_SIGNING_KEY, 'base64')
  : crypto.randomBytes(32);
const maxBodyBytes = 1024 * 1024;
const maxBulkUsers = 10000;

/** userId -> { lastSeq, unreadCount, pending: notification[] } */
const users = new Map();

/** userId -> number of open sockets; a user with none gets a pending list instead of a live event. */
const connectionCounts = new Map();

function readArgument(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && index + 1 < process.argv.length ? process.argv[index + 1] : fallback;
}

function base64Url(value) {
  return Buffer.from(value).toString('base64url');
}

function signToken(claims) {
  const header = base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64Url(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) + 3600 }));
  const signature = crypto.createHmac('sha256', signingKey).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Returns the token's claims, or null when the signature or the expiry is invalid. */
function verifyToken(token) {
  if (typeof token !== 'string') {
    return null;
  }

  const parts = token.split('.');
  if (parts.length !== 3) {
    return null;
  }

  const expected = crypto.createHmac('sha256', signingKey).update(`${parts[0]}.${parts[1]}`).digest();
  const actual = Buffer.from(parts[2], 'base64url');
  if (actual.length !== expected.length || !crypto.timingSafeEqual(actual, expected)) {
    return null;
  }

  const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  return claims.exp > Date.now() / 1000 ? claims : null;
}

function bearerClaims(request) {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? verifyToken(header.slice(7)) : null;
}

function canSend(claims) {
  return claims !== null && String(claims.scope ?? '').split(' ').includes('notifications.send');
}

function userState(userId) {
  let state = users.get(userId);
  if (state === undefined) {
    state = { lastSeq: 0, unreadCount: 0, pending: [] };
    users.set(userId, state);
  }

  return state;
}

/** Creates the notification and emits it to the user's room, or queues it while the user has no socket. */
function send(userId, input) {
  const state = userState(userId);
  state.lastSeq += 1;
  state.unreadCount += 1;
  const notification = {
    id: crypto.randomUUID(),
    seq: state.lastSeq,
    type: input.type,
    title: input.title,
    body: input.body ?? '',
    createdAt: new Date().toISOString(),
    readAt: null,
  };

  if ((connectionCounts.get(userId) ?? 0) > 0) {
    io.to(`user:${userId}`).emit('notification:new', { notification, unreadCount: state.unreadCount });
  } else {
    state.pending.push(notification);
  }

  return { id: notification.id, seq: notification.seq, createdAt: notification.createdAt };
}

function validNotification(input) {
  return (
    input !== null &&
    typeof input === 'object' &&
    typeof input.type === 'string' &&
    typeof input.title === 'string' &&
    input.title.trim().length > 0 &&
    input.title.length <= 200 &&
    (input.body === undefined || (typeof input.body === 'string' && input.body.length <= 2000))
  );
}

function reply(response, status, value) {
  const body = value === undefined ? '' : JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function readJson(request, callback) {
  const chunks = [];
  let size = 0;
  request.on('data', (chunk) => {
    size += chunk.length;
    if (size > maxBodyBytes) {
      request.destroy();
      return;
    }

    chunks.push(chunk);
  });
  request.on('end', () => {
    try {
      callback(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch {
      callback(undefined);
    }
  });
}

function handleRequest(request, response) {
  const url = new URL(request.url, 'http://localhost');
  const userPath = /^\/api\/users\/([^/]+)\/notifications$/.exec(url.pathname);

  if (request.method === 'GET' && url.pathname === '/health/ready') {
    reply(response, 200, { status: 'Healthy' });
  } else if (request.method === 'POST' && url.pathname === '/dev/token') {
    readJson(request, (input) => {
      if (input?.userId) {
        reply(response, 200, { token: signToken({ sub: String(input.userId) }) });
      } else if (input?.service) {
        const scope = Array.isArray(input.scopes) ? input.scopes.join(' ') : '';
        reply(response, 200, { token: signToken({ sub: `service:${input.service}`, scope }) });
      } else {
        reply(response, 400, { title: 'Either userId or service is required.' });
      }
    });
  } else if (request.method === 'POST' && userPath !== null) {
    if (!canSend(bearerClaims(request))) {
      reply(response, 401);
      return;
    }

    readJson(request, (input) => {
      if (!validNotification(input)) {
        reply(response, 400, {
          title: 'Invalid notification: type and a title of 1-200 characters are required; body is at most 2000.',
        });
        return;
      }

      reply(response, 201, send(decodeURIComponent(userPath[1]), input));
    });
  } else if (request.method === 'POST' && url.pathname === '/api/notifications/bulk') {
    if (!canSend(bearerClaims(request))) {
      reply(response, 401);
      return;
    }

    readJson(request, (input) => {
      const userIds = input?.userIds;
      if (!Array.isArray(userIds) || userIds.length > maxBulkUsers || !validNotification(input.notification)) {
        reply(response, 400, {
          title: `Invalid bulk request: userIds must be an array of at most ${maxBulkUsers} ids and notification valid.`,
        });
        return;
      }

      const receipts = userIds.map((userId) => ({ userId, ...send(String(userId), input.notification) }));
      reply(response, 200, { receipts });
    });
  } else {
    reply(response, 404);
  }
}

const httpServer = http.createServer(handleRequest);
const io = new Server(httpServer, { transports: ['websocket'], serveClient: false });

io.use((socket, next) => {
  const claims = verifyToken(socket.handshake.auth?.token);
  if (claims === null || String(claims.sub).startsWith('service:')) {
    next(new Error('unauthorized'));
    return;
  }

  socket.data.userId = String(claims.sub);
  next();
});

io.on('connection', (socket) => {
  const userId = socket.data.userId;
  socket.join(`user:${userId}`);
  connectionCounts.set(userId, (connectionCounts.get(userId) ?? 0) + 1);

  // Deliver what arrived while the user had no socket, then drop the list.
  const state = users.get(userId);
  if (state !== undefined && state.pending.length > 0) {
    for (const notification of state.pending) {
      socket.emit('notification:new', { notification, unreadCount: state.unreadCount });
    }

    state.pending = [];
  }

  socket.on('disconnect', () => {
    const remaining = (connectionCounts.get(userId) ?? 1) - 1;
    if (remaining > 0) {
      connectionCounts.set(userId, remaining);
    } else {
      connectionCounts.delete(userId);
    }
  });
});

httpServer.listen(port, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${httpServer.address().port}`);
});

process.on('SIGTERM', () => {
  io.close();
  httpServer.close(() => process.exit(0));
});
