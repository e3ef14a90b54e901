# Shared helpers of the run and test scripts. Source it; it defines functions only.

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Prints a TCP port on 127.0.0.1 that is free right now.
free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

# Waits until a TCP port on 127.0.0.1 accepts connections: wait_for_port PORT SECONDS NAME PID.
wait_for_port() {
  local port=$1 seconds=$2 name=$3 pid=$4 i
  for ((i = 0; i < seconds * 5; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited before opening port $port"
      return 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  log "$name did not open port $port within ${seconds}s"
  return 1
}

# Waits until an HTTP URL returns 200: wait_for_http URL SECONDS NAME PID.
wait_for_http() {
  local url=$1 seconds=$2 name=$3 pid=$4 i
  for ((i = 0; i < seconds * 2; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited before $url answered"
      return 1
    fi
    if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  log "$name did not answer $url within ${seconds}s"
  return 1
}

# Connection string of the well-known Azurite development account on explicit ports.
azurite_connection_string() {
  local blob=$1 queue=$2 table=$3
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' \
    "$key" "$blob" "$queue" "$table"
}

# Installs the repository's npm packages (Azurite) when they are missing.
ensure_azurite() {
  local root=$1
  if [[ ! -f "$root/node_modules/azurite/dist/src/azurite.js" ]]; then
    log "installing Azurite from package-lock.json"
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Builds the web client into src/WebFront/wwwroot when its sources exist.
build_client() {
  local app=$1/src/WebFront/ClientApp
  if [[ -f "$app/package.json" ]]; then
    log "building the web client"
    (cd "$app" && { [[ -d node_modules ]] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent build)
  fi
}
