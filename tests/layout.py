#!/usr/bin/python3
"""The source layout's rules, checked on src/ (see HACKING.md):

- src/ holds one folder per pipeline stage, and nothing else;
- a folder includes only the folders below it in the pipeline;
- no include circle between modules (a module is NAME.c with NAME.h);
- no source file over 500 lines;
- every function a header declares starts with its module's name.

Prints TAP. Usage: layout.py SRCDIR
"""
import os
import re
import sys

# Each folder and the folders its files may include, besides its own.
LAYERS = {
    "base": [],
    "source": ["base"],
    "plugin": ["base"],
    "template": ["base"],
    "render": ["base", "plugin", "template"],
    "deb": ["base"],
    "stage": ["base", "source", "plugin", "template", "render", "deb"],
    "emit": ["base", "source", "plugin", "template", "render", "deb",
             "stage"],
    "verify": ["base", "source", "plugin", "template", "render", "deb",
               "stage", "emit"],
    "host": ["base", "source", "plugin", "template", "render", "deb",
             "stage", "emit"],
    "publish": ["base", "source", "plugin", "template", "render", "deb",
                "stage", "emit", "verify"],
    "cli": ["base", "source", "plugin", "template", "render", "deb",
            "stage", "emit", "verify", "host", "publish"],
}
MAX_LINES = 500
# Modules whose functions carry another prefix, and why.
PREFIXES = {
    "xalloc": "x",  # xmalloc, xstrdup...: libc's names with an x
}
# Files the build generates (not in the source tree, or not hand-written).
GENERATED = {"builtin_templates.c"}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
# A function declared at the start of a line in a header: the name
# before the first parenthesis, after the return type.
DECL = re.compile(r'^(?!static|typedef|#|\s)[\w\s\*]*?\b(\w+)\s*\(', re.M)

count = 0
failed = 0


def report(ok, name, details=()):
    global count, failed
    count += 1
    if not ok:
        failed += 1
    print("%s %d - %s" % ("ok" if ok else "not ok", count, name))
    for line in details:
        print("# " + line)


def modules(src):
    """{module: [files]} with module = 'folder/name'."""
    found = {}
    for folder in sorted(os.listdir(src)):
        path = os.path.join(src, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if not name.endswith((".c", ".h")) or name in GENERATED:
                continue
            found.setdefault(folder + "/" + name[:-2], []).append(
                os.path.join(path, name))
    return found


def includes(path):
    with open(path, encoding="utf-8") as f:
        return INCLUDE.findall(f.read())


def check_folders(src):
    extra = [n for n in sorted(os.listdir(src))
             if os.path.isdir(os.path.join(src, n)) and n not in LAYERS and
             not n.startswith(".")]
    missing = [n for n in LAYERS if not os.path.isdir(os.path.join(src, n))]
    loose = [n for n in sorted(os.listdir(src))
             if n.endswith((".c", ".h")) and n not in GENERATED]
    report(not extra and not missing and not loose,
           "src/ holds one folder per stage: " + " ".join(LAYERS),
           ["unexpected folder: " + n for n in extra] +
           ["missing folder: " + n for n in missing] +
           ["file outside the folders: " + n for n in loose])


def check_layers(mods):
    bad = []
    for mod, files in sorted(mods.items()):
        folder = mod.split("/")[0]
        allowed = set(LAYERS.get(folder, [])) | {folder}
        for path in files:
            for inc in includes(path):
                target = inc.split("/")[0] if "/" in inc else None
                if target is not None and target not in allowed:
                    bad.append("%s includes %s" % (path, inc))
    report(not bad, "each folder includes only the stages below it", bad)


def check_circles(mods):
    graph = {}
    for mod, files in mods.items():
        deps = set()
        for path in files:
            for inc in includes(path):
                dep = inc[:-2] if inc.endswith(".h") else inc
                if dep in mods and dep != mod:
                    deps.add(dep)
        graph[mod] = deps
    circles = []
    state = {}

    def visit(mod, trail):
        state[mod] = "open"
        for dep in sorted(graph[mod]):
            if state.get(dep) == "open":
                circles.append(" -> ".join(trail[trail.index(dep):] +
                                           [dep]))
            elif dep not in state:
                visit(dep, trail + [dep])
        state[mod] = "done"

    for mod in sorted(graph):
        if mod not in state:
            visit(mod, [mod])
    report(not circles, "no include circle between modules", circles)


def check_sizes(mods):
    big = []
    for files in mods.values():
        for path in files:
            with open(path, encoding="utf-8") as f:
                n = sum(1 for _ in f)
            if n > MAX_LINES:
                big.append("%s: %d lines" % (path, n))
    report(not big, "no source file over %d lines" % MAX_LINES, big)


def declared_functions(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    # Only top-level declarations: drop struct/enum bodies.
    depth = 0
    top = []
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0:
            top.append(ch)
    names = []
    text = re.sub(r"^\s*#.*?(?<!\\)$", "", "".join(top), flags=re.M | re.S)
    return [m.group(1) for m in DECL.finditer(text)]


def check_names(mods):
    bad = []
    for mod, files in sorted(mods.items()):
        name = mod.split("/")[1]
        prefix = PREFIXES.get(name, name + "_")
        for path in files:
            if not path.endswith(".h"):
                continue
            for fn in declared_functions(path):
                if fn != name and not fn.startswith(prefix):
                    bad.append("%s declares %s()" % (path, fn))
    report(not bad, "every function a header declares starts with its "
           "module's name", bad)


def main():
    src = sys.argv[1]
    mods = modules(src)
    check_folders(src)
    check_layers(mods)
    check_circles(mods)
    check_sizes(mods)
    check_names(mods)
    print("1..%d" % count)


main()
