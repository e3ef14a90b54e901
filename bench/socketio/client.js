// Load client for the Socket.IO baseline, driven by the benchmark harness over standard input and output.
// It keeps one socket per requested connection and reports each `notification:new` with its arrival time from
// process.hrtime. On Linux that reads CLOCK_MONOTONIC, the clock .NET's Stopwatch reads too, so the harness
// measures latency exactly as it does for its own SignalR clients.
//
// Commands, one JSON object a line on standard input:
//   {"cmd":"connect","url":"http://127.0.0.1:P","clients":[{"user":"u1","token":"..."}],"parallel":50}
//       -> "connected OK FAILED" once every new socket connected or failed (20 s each at most)
//   {"cmd":"status"}  -> "status CONNECTED"
//   {"cmd":"close"}   -> closes every socket, prints "closed" and exits
// Receipts, printed as they arrive: "r RECEIVED_NS TITLE".

'use strict';

const readline = require('node:readline');
const { io } = require('socket.io-client');

const connectTimeoutMs = 20000;
const sockets = [];
let connectedCount = 0;
let pendingOutput = [];

function write(line) {
  pendingOutput.push(line);
  if (pendingOutput.length === 1) {
    setImmediate(flush);
  }
}

function flush() {
  const text = pendingOutput.join('\n') + '\n';
  pendingOutput = [];
  process.stdout.write(text);
}

/** Opens one socket and resolves true once it connected, false after a failure or the timeout. */
function openSocket(url, token) {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    auth: { token },
    reconnectionDelay: 250,
    reconnectionDelayMax: 1000,
    randomizationFactor: 0.5,
  });
  sockets.push(socket);

  socket.on('notification:new', (payload) => {
    write(`r ${process.hrtime.bigint()} ${payload.notification.title}`);
  });
  socket.on('connect', () => {
    connectedCount += 1;
  });
  socket.on('disconnect', (reason) => {
    connectedCount -= 1;

    // A disconnect the server asked for is not retried by the client library on its own.
    if (reason === 'io server disconnect') {
      socket.connect();
    }
  });

  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), connectTimeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function connect(command) {
  let ok = 0;
  let failed = 0;
  const parallel = Math.max(1, command.parallel ?? 50);
  for (let start = 0; start < command.clients.length; start += parallel) {
    const batch = command.clients.slice(start, start + parallel);
    const results = await Promise.all(batch.map((client) => openSocket(command.url, client.token)));
    ok += results.filter((result) => result).length;
    failed += results.filter((result) => !result).length;
  }

  write(`connected ${ok} ${failed}`);
}

function close() {
  for (const socket of sockets) {
    socket.removeAllListeners('disconnect');
    socket.close();
  }

  flush();
  process.stdout.write('closed\n', () => process.exit(0));
}

const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => {
  const command = JSON.parse(line);
  if (command.cmd === 'connect') {
    connect(command);
  } else if (command.cmd === 'status') {
    write(`status ${connectedCount}`);
  } else if (command.cmd === 'close') {
    close();
  }
});

// The harness owns this process: when its end of the pipe closes, stop.
input.on('close', close);
