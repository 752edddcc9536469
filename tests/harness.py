"""Shared machinery of the differential test runner (run.py) and recorder (record.py).

A test is tests/lua/<area>/NAME.lua.  Running it means starting an engine with
the working directory at the test's folder and the script named relatively,
so chunk names in messages ("NAME.lua:3: ...") are the same for every engine.
The result (stdout, stderr, exit status) is turned into one text document;
record.py stores lua5.4's document as NAME.expected and run.py compares ours
with it byte for byte.  Keeping one serializer for both sides means the file
format cannot drift between recording and checking.

Sidecar files next to NAME.lua, all optional:
  NAME.args   one line, shell-split, appended after the script name
  NAME.stdin  fed as standard input (otherwise stdin is empty)
  NAME.cli    one argument per line, given to the engine INSTEAD of the
              script name and NAME.args; {script} and {engine} are replaced
  NAME.env    KEY=VALUE lines added to the environment ({engine} replaced)

Python standard library only, so the harness runs on a bare machine.
"""

import os
import re
import shlex
import signal
import subprocess
import time

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
LUA_DIR = os.path.join(TESTS_DIR, "lua")
REPO_DIR = os.path.dirname(TESTS_DIR)

DEFAULT_TIMEOUT = 60.0

# Environment variables the engines read at start-up.  They are removed so a
# developer's shell settings cannot change a test's result.
ENGINE_ENV_VARS = ("LUA_INIT", "LUA_INIT_5_4", "LUA_PATH", "LUA_PATH_5_4",
                   "LUA_CPATH", "LUA_CPATH_5_4")

# Program names that may start an engine's messages; all become "lua".
KNOWN_PROGNAMES = ("lua5.4", "crescent", "lua")


# --------------------------------------------------------------------------
# Discovery

class Test:
    """One test script and its sidecar files."""

    def __init__(self, lua_path):
        self.lua_path = lua_path
        self.dir = os.path.dirname(lua_path)
        self.base = os.path.basename(lua_path)[:-len(".lua")]
        self.area = os.path.basename(self.dir)
        self.name = self.area + "/" + self.base

    def sidecar(self, ext):
        return os.path.join(self.dir, self.base + "." + ext)

    def read_sidecar(self, ext):
        path = self.sidecar(ext)
        if not os.path.exists(path):
            return None
        with open(path, "rb") as f:
            return f.read()

    @property
    def expected_path(self):
        return self.sidecar("expected")


def normalize_filter(text):
    """Accepts 'area/NAME', 'tests/lua/area/NAME.lua', or any substring."""
    text = text.replace(os.sep, "/")
    marker = "tests/lua/"
    if marker in text:
        text = text[text.index(marker) + len(marker):]
    if text.endswith(".lua"):
        text = text[:-len(".lua")]
    return text


def discover(filters=()):
    """All tests under tests/lua/<area>/, sorted, kept if any filter matches."""
    pats = [normalize_filter(f) for f in filters]
    tests = []
    if not os.path.isdir(LUA_DIR):
        return tests
    for area in sorted(os.listdir(LUA_DIR)):
        area_dir = os.path.join(LUA_DIR, area)
        if not os.path.isdir(area_dir):
            continue
        for fname in sorted(os.listdir(area_dir)):
            if not fname.endswith(".lua"):
                continue
            t = Test(os.path.join(area_dir, fname))
            if not pats or any(p in t.name for p in pats):
                tests.append(t)
    return tests


# --------------------------------------------------------------------------
# Running

class Result:
    def __init__(self, stdout=b"", stderr=b"", status=None, timed_out=False,
                 seconds=0.0, error=None):
        self.stdout = stdout
        self.stderr = stderr
        self.status = status      # exit code, or -SIGNAL
        self.timed_out = timed_out
        self.seconds = seconds
        self.error = error        # could not start the engine at all


def build_argv(test, engine, mode_flags):
    """argv for one run; argv[0] is the engine's base name (see run_test)."""
    engine_abs = os.path.abspath(engine)
    argv = [os.path.basename(engine)] + list(mode_flags)
    cli = test.read_sidecar("cli")
    if cli is not None:
        for line in cli.decode("utf-8").splitlines():
            argv.append(line.replace("{script}", test.base + ".lua")
                            .replace("{engine}", engine_abs))
    else:
        argv.append(test.base + ".lua")
        args = test.read_sidecar("args")
        if args is not None:
            argv.extend(shlex.split(args.decode("utf-8").strip()))
    return argv


def build_env(test, engine):
    env = dict(os.environ)
    for var in ENGINE_ENV_VARS:
        env.pop(var, None)
    env["LC_ALL"] = "C"
    env["LANG"] = "C"
    extra = test.read_sidecar("env")
    if extra is not None:
        for line in extra.decode("utf-8").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, _, value = line.partition("=")
            env[key.strip()] = value.replace("{engine}", os.path.abspath(engine))
    return env


def run_test(test, engine, mode_flags=(), timeout=DEFAULT_TIMEOUT):
    """Runs one test once.  The process gets its own session so a timeout can
    kill everything it started (io.popen, os.execute children included).

    argv[0] is the bare program name while the executable is the absolute
    path: that makes lua5.4 say "lua5.4: ..." (it prints argv[0]) no matter
    where the binary lives, and the normalizer then maps it to "lua"."""
    argv = build_argv(test, engine, mode_flags)
    stdin_data = test.read_sidecar("stdin")
    start = time.monotonic()
    try:
        proc = subprocess.Popen(
            argv, executable=os.path.abspath(engine), cwd=test.dir,
            env=build_env(test, engine),
            stdin=subprocess.PIPE if stdin_data is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            start_new_session=True)
    except OSError as e:
        return Result(error="cannot start %s: %s" % (engine, e))
    try:
        out, err = proc.communicate(stdin_data, timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = proc.communicate()
        timed_out = True
    return Result(out, err, proc.returncode, timed_out,
                  time.monotonic() - start)


# --------------------------------------------------------------------------
# Normalizing and serializing

def normalize(data, engine):
    """Makes two engines' output comparable: the program name that starts a
    message line (and the one in the usage text) becomes "lua", and the
    engine's absolute path (visible when a .cli test passes {engine}) becomes
    the literal {engine}."""
    engine_abs = os.path.abspath(engine).encode()
    data = data.replace(engine_abs, b"{engine}")
    names = set(KNOWN_PROGNAMES) | {os.path.basename(engine)}
    alt = b"|".join(re.escape(n.encode()) for n in sorted(names, key=len, reverse=True))
    data = re.sub(rb"(?m)^(?:" + alt + rb"): ", b"lua: ", data)
    data = re.sub(rb"(?m)^usage: (?:" + alt + rb") ", b"usage: lua ", data)
    return data


NO_NEWLINE = b"\\ (no newline at end)\n"


def _section(header, body):
    out = b"==== " + header + b" ====\n" + body
    if body and not body.endswith(b"\n"):
        out += b"\n" + NO_NEWLINE
    return out


def status_text(result):
    if result.timed_out:
        return "timeout"
    if result.status is not None and result.status < 0:
        try:
            return "signal " + signal.Signals(-result.status).name
        except ValueError:
            return "signal %d" % -result.status
    return str(result.status)


def serialize(result, engine):
    """The .expected document: stdout, stderr, exit status, each marked."""
    return (_section(b"stdout", normalize(result.stdout, engine)) +
            _section(b"stderr", normalize(result.stderr, engine)) +
            b"==== exit status: " + status_text(result).encode() + b" ====\n")


def decode_lines(data):
    return data.decode("utf-8", errors="backslashreplace").splitlines(keepends=True)
