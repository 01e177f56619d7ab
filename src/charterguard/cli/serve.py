"""`charterguard serve` (the HTTP API) and `charterguard keys` (API key hashes).

FastAPI and uvicorn are imported inside the command, so that other commands
(`charterguard check`) start without paying for them.
"""

from __future__ import annotations

import sys

import click

EXIT_USAGE = 2


@click.command("serve")
@click.option("--host", default=None, help="Address to listen on (default 127.0.0.1). Any other address needs --api-keys.")
@click.option("--port", type=int, default=None, help="Port (default 8000).")
@click.option("--charter", "charters", multiple=True, help="Charter to serve (built-in name or YAML path); repeat for several. The first is the default.")
@click.option("--api-keys", "api_keys_file", type=click.Path(dir_okay=False), default=None, help="YAML file of hashed API keys (see `charterguard keys new`).")
@click.option("--cors-origin", "cors_origins", multiple=True, help="Browser origin allowed, e.g. chrome-extension://<id>; repeat for several. Never '*'.")
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    help="Host name (or IP) clients use to reach the server, e.g. charterguard.example.com or *.example.com; repeat for several. "
    "Other Host headers get 400 (DNS rebinding protection). localhost/127.0.0.1/[::1] and the --host address are always accepted.",
)
@click.option("--max-body-bytes", type=int, default=None, help="Body limit for one post (default 65536).")
@click.option("--batch-max", type=int, default=None, help="Posts per batch request (default 1000).")
@click.option("--time-budget-ms", type=int, default=None, help="Per-post time budget; past it the verdict fails closed (default 2000).")
@click.option("--decision-log", default=None, help="SQLite file or postgresql:// URL (default ./charterguard-decisions.sqlite3).")
@click.option("--no-decision-log", is_flag=True, help="Do not record decisions.")
@click.option("--store-text", is_flag=True, help="Also store the post text in the decision log (off by default: only its HMAC is kept).")
@click.option("--hmac-key-file", type=click.Path(dir_okay=False), default=None, help="File holding the HMAC key for post texts (created when absent).")
@click.option("--workers", type=int, default=None, help="Worker processes (default 1; each loads its own models).")
@click.option("--check-threads", type=int, default=None, help="Threads running checks in each worker (default 1; scale with --workers).")
@click.option("--rate-limit", "rate_limit_per_minute", type=int, default=None, help="Requests a minute per API key; beyond, 429 with Retry-After (default 0: no limit).")
@click.option("--retention-days", type=int, default=None, help="Purge decisions older than this many days, every 24 h (default 0: keep them).")
@click.option("--log-level", default="info", type=click.Choice(["critical", "error", "warning", "info", "debug"]), show_default=True)
@click.option("--no-access-log", is_flag=True, help="Do not log one line per request.")
def serve(
    host: str | None,
    port: int | None,
    charters: tuple[str, ...],
    api_keys_file: str | None,
    cors_origins: tuple[str, ...],
    allowed_hosts: tuple[str, ...],
    max_body_bytes: int | None,
    batch_max: int | None,
    time_budget_ms: int | None,
    decision_log: str | None,
    no_decision_log: bool,
    store_text: bool,
    hmac_key_file: str | None,
    workers: int | None,
    check_threads: int | None,
    rate_limit_per_minute: int | None,
    retention_days: int | None,
    log_level: str,
    no_access_log: bool,
) -> None:
    """Serve the checker over HTTP (POST /v1/check, OpenAPI at /docs).

    \b
    Settings can also come from the environment (options win):
      CHARTERGUARD_HOST, _PORT, _CHARTERS (comma-separated), _API_KEYS_FILE,
      _CORS_ORIGINS (comma-separated), _ALLOWED_HOSTS (comma-separated), _MAX_BODY_BYTES, _BATCH_MAX,
      _TIME_BUDGET_MS, _DECISION_LOG (prefer it to --decision-log for a
      postgresql:// URL with a password), _STORE_TEXT, _HMAC_KEY (at least
      32 characters), _HMAC_KEY_FILE, _WORKERS, _CHECK_THREADS,
      _RELOAD_INTERVAL_S (seconds between charter file checks, default 2),
      _HEADER_TIMEOUT_S (10), _BODY_TIMEOUT_S (30), _MAX_CONNECTIONS (1000 per worker).

    \b
    Signals: HUP reloads the changed charters and the API keys file in
    place (every worker); with --workers, USR2 replaces the workers one by
    one (new code or models without a stop).
    """
    import os

    import uvicorn

    from ..api.settings import Settings
    from ..errors import CharterguardError

    try:
        settings = Settings.from_env(
            host=host,
            port=port,
            charters=list(charters) or None,
            api_keys_file=api_keys_file,
            cors_origins=list(cors_origins) or None,
            allowed_hosts=list(allowed_hosts) or None,
            max_body_bytes=max_body_bytes,
            batch_max=batch_max,
            time_budget_ms=time_budget_ms,
            decision_log=decision_log,
            record_decisions=False if no_decision_log else None,
            store_text=True if store_text else None,
            hmac_key_file=hmac_key_file,
            workers=workers,
            check_threads=check_threads,
            rate_limit_per_minute=rate_limit_per_minute,
            retention_days=retention_days,
        )
        if settings.workers == 1:
            from ..api import create_app

            target: object = create_app(settings)  # fails here, with a clear message, on a bad charter/keys/log
            factory = False
        else:
            # Each worker process builds its own app from the same settings.
            os.environ["CHARTERGUARD_SERVE_SETTINGS"] = settings.to_json()
            from ..api import create_app

            # Validate once (charters, keys, decision log, HMAC key file created
            # here, not raced by the workers), then let go of that app.
            create_app(settings).state.cg.close()
            target, factory = "charterguard.api.app:app_from_env", True
    except CharterguardError as exc:  # settings, keys file, charters, decision log, HMAC key
        click.echo(f"charterguard serve: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if settings.store_text:
        click.echo("charterguard serve: warning: --store-text is on, post texts are written to the decision log", err=True)
    # uvicorn's logging, plus charterguard's own logger (charter reloads, decision-log
    # failures) on the same handler. Neither ever logs the text of a post.
    from copy import deepcopy

    from uvicorn.config import LOGGING_CONFIG

    log_config = deepcopy(LOGGING_CONFIG)
    log_config["loggers"]["charterguard"] = {"handlers": ["default"], "level": log_level.upper(), "propagate": False}
    from ..api.protocol import GuardedHttpToolsProtocol

    options = {"log_config": log_config, "host": settings.host, "port": settings.port, "log_level": log_level, "access_log": not no_access_log, "proxy_headers": False, "server_header": False,
               "http": GuardedHttpToolsProtocol}  # header timeout, connection cap, JSON 400s
    if not factory:
        uvicorn.run(target, **options)  # type: ignore[arg-type]
        return
    # Several workers: as uvicorn.run does, but each worker listens on its own socket,
    # whose connections get TCP_NODELAY, and SIGHUP reloads the workers in place (see
    # charterguard.api.serving).
    from ..api.serving import ReloadingMultiprocess, WorkersConfig

    config = WorkersConfig(target, factory=True, workers=settings.workers, **options)  # type: ignore[arg-type]
    try:
        ReloadingMultiprocess(config, sockets=[config.bind_socket()]).run()
    except KeyboardInterrupt:
        pass


@click.group("keys")
def keys() -> None:
    """Make API keys for `charterguard serve --api-keys FILE` (only their hashes are stored)."""


@keys.command("new")
@click.option("--id", "key_id", required=True, help="Name of the key, shown in the decision log (e.g. extension, compliance-team).")
@click.option("--role", "roles", multiple=True, type=click.Choice(["check", "compliance"]), default=("check",), show_default=True)
@click.option("--append", "append_to", type=click.Path(dir_okay=False), default=None, help="Append the entry to this keys file (created if absent) and print only the key.")
def keys_new(key_id: str, roles: tuple[str, ...], append_to: str | None) -> None:
    """Generate a key: prints the key once (give it to the client) and its keys-file entry (its hash only).

    With --append FILE, the entry goes into FILE and only the key is printed,
    so that `KEY=$(charterguard keys new --id ci --append keys.yaml)` works.
    """
    from pathlib import Path

    from ..api.keys import KeyRing, KeysFileError, key_entry_yaml, new_token

    token = new_token()
    entry = key_entry_yaml(key_id, token, list(roles))
    if not append_to:
        click.echo(f"# key {key_id!r}, shown once: give it to the client, it is not stored anywhere")
        click.echo(token)
        click.echo("# entry to add under `keys:` in the keys file")
        click.echo(entry, nl=False)
        return
    path = Path(append_to)
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    text = before.rstrip("\n") + "\n" if before.strip() else "keys:\n"
    text += "".join("  " + line + "\n" for line in entry.splitlines())
    path.write_text(text, encoding="utf-8")
    try:
        KeyRing.load(path)
    except KeysFileError as exc:
        path.write_text(before, encoding="utf-8")  # leave the file as it was
        click.echo(f"charterguard keys: {append_to} was not changed: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(token)


@keys.command("hash")
@click.argument("token", required=False)
def keys_hash(token: str | None) -> None:
    """Print the sha256 of TOKEN (read from stdin when omitted) for the keys file."""
    from ..api.keys import hash_token

    if token is None:
        token = sys.stdin.readline().strip()
    if not token:
        click.echo("charterguard keys hash: give the token as argument or on stdin", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(hash_token(token))
