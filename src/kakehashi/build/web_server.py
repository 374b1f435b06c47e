"""The production web server of the built site: pre-compressed files and Debian's nginx (``deploy/``).

``python -m kakehashi.web_server precompress SITE`` writes a ``.br`` (brotli, best quality) and a
``.gz`` (zlib level 9) copy next to each text file of the site, which nginx sends as they are
(``brotli_static``, ``gzip_static``). ``config`` renders the configuration of ``deploy/nginx/`` for a
site folder into a folder of its own, with the Content-Security-Policy of that build (the hashes of
every page's inline scripts, ``frame-ancestors 'none'``); ``preview`` does both and runs nginx in the
foreground (``make preview``).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import brotli

from kakehashi.build.csp import header_policy

COMPRESSIBLE = frozenset({".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".ics", ".txt", ".wasm", ".map"})
MIN_SIZE = 1024  # bytes; smaller files gain nothing worth a second request path
DEPLOY = Path(__file__).resolve().parents[3] / "deploy" / "nginx"  # src/kakehashi/build/ -> the repository
NGINX = "/usr/sbin/nginx"


def precompress(site_dir: Path) -> tuple[int, int, int]:
    """Write ``.br`` and ``.gz`` copies of the site's text files (those that shrink); returns (files,
    bytes before, brotli bytes after). Copies newer than their file are kept."""
    files = before = after = 0
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in COMPRESSIBLE or not path.is_file() or path.stat().st_size < MIN_SIZE:
            continue
        data = path.read_bytes()
        squeezed = brotli.compress(data, quality=11)
        if len(squeezed) >= len(data):
            continue
        for suffix, content in ((".br", squeezed), (".gz", None)):
            target = path.with_name(path.name + suffix)
            if target.exists() and target.stat().st_mtime_ns >= path.stat().st_mtime_ns:
                continue
            if content is None:
                content = gzip.compress(data, compresslevel=9, mtime=0)
            target.write_bytes(content)
        files += 1
        before += len(data)
        after += len(squeezed)
    return files, before, after


def site_policy(site_dir: Path) -> str:
    """The header Content-Security-Policy of a built site (every page's hashes, frame-ancestors)."""
    return header_policy(path.read_text(encoding="utf-8", errors="replace") for path in sorted(site_dir.rglob("*.html")))


def _language_locations(prefixes: list[str]) -> str:
    blocks = []
    for prefix in prefixes:
        blocks.append(
            f"location /{prefix} {{\n"
            "    include @CONF_DIR@/kakehashi-headers.conf;\n"
            '    add_header Cache-Control "no-cache" always;\n'
            f"    error_page 404 /{prefix}404.html;\n"
            "    try_files $uri $uri/ =404;\n"
            "}"
        )
    return "\n\n".join(blocks)


def render_config(site_dir: Path, out_dir: Path, listen: str = "127.0.0.1:8080", server_name: str = "_",
                  language_prefixes: list[str] | None = None) -> Path:
    """Write the nginx configuration for ``site_dir`` into ``out_dir``; returns the preview's main file
    (``nginx.conf``); ``production.conf`` is the server blocks to include in a system nginx."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "tmp").mkdir(exist_ok=True)
    if language_prefixes is None:  # the language folders: those with a 404 page of their own
        language_prefixes = sorted(f"{folder.name}/" for folder in site_dir.iterdir() if (folder / "404.html").is_file())
    values = {
        "@LANGUAGE_LOCATIONS@": _language_locations(language_prefixes),
        "@SITE_ROOT@": str(site_dir.resolve()),
        "@CONF_DIR@": str(out_dir.resolve()),
        "@PREFIX@": str(out_dir.resolve()),
        "@LISTEN@": listen,
        "@SERVER_NAME@": server_name,
        "@USER@": "user root;" if os.geteuid() == 0 else "",
    }
    for name, target in (("kakehashi-site.conf", "kakehashi-site.conf"), ("kakehashi-headers.conf", "kakehashi-headers.conf"),
                         ("kakehashi-data-headers.conf", "kakehashi-data-headers.conf"),
                         ("production.conf", "production.conf"), ("preview.conf", "nginx.conf")):
        text = (DEPLOY / name).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        (out_dir / target).write_text(text, encoding="utf-8")
    policy = site_policy(site_dir).replace('"', "")
    (out_dir / "kakehashi-csp.conf").write_text(f'add_header Content-Security-Policy "{policy}" always;\n', encoding="utf-8")
    return out_dir / "nginx.conf"


def nginx_command(conf: Path) -> list[str]:
    """The command that runs nginx in the foreground with this main configuration file."""
    conf = conf.resolve()
    return [NGINX, "-p", str(conf.parent), "-c", str(conf), "-e", "stderr"]


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_nginx(site_dir: Path, conf_dir: Path, port: int, precompressed: Path | None = None) -> Iterator[str]:
    """nginx serving ``site_dir`` (configured in ``conf_dir``) on 127.0.0.1:``port`` while the block runs;
    yields its base URL. The files under ``precompressed`` (default: the whole site) are pre-compressed
    first; nginx compresses the others as it sends them."""
    if not Path(NGINX).exists():
        raise FileNotFoundError(f"{NGINX} is missing: `make test` and `make preview` install Debian's nginx")
    precompress(precompressed or site_dir)
    conf = render_config(site_dir, conf_dir, f"127.0.0.1:{port}")
    process = subprocess.Popen(nginx_command(conf), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start: {process.communicate()[0] if process.poll() is not None else 'timeout'}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.communicate(timeout=20)  # waits, and closes the output pipe


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kakehashi.build.web_server", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("precompress", "config", "preview"):
        command = sub.add_parser(name)
        command.add_argument("site", type=Path, help="the built site folder (site/)")
        if name != "precompress":
            command.add_argument("--out", type=Path, default=Path(".preview"), help="where the configuration is written")
            command.add_argument("--listen", default="127.0.0.1:8080")
            command.add_argument("--server-name", default="_")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: no such folder: build the site first (make build)", file=sys.stderr)
        return 2
    if args.command in ("precompress", "preview"):
        files, before, after = precompress(args.site)
        print(f"pre-compressed {files} files: {before // 1024} KiB -> {after // 1024} KiB with brotli")
    if args.command in ("config", "preview"):
        conf = render_config(args.site, args.out, args.listen, args.server_name)
        print(f"nginx configuration in {args.out}/ (production server blocks: {args.out}/production.conf)")
    if args.command == "preview":
        if not Path(NGINX).exists():
            print(f"{NGINX} is missing: `make preview` installs Debian's nginx", file=sys.stderr)
            return 2
        print(f"serving {args.site} on http://{args.listen}/ (Ctrl-C stops)", flush=True)
        os.execv(NGINX, nginx_command(conf))
    return 0


if __name__ == "__main__":
    sys.exit(main())
