#!/usr/bin/python3
"""Writes the archives tests/sources.test uses: the example plugin in every
format libarchive reads, with and without a single top-level directory,
and hostile archives, each breaking one rule.
Usage: make-archives.py PLUGIN_DIR OUT_DIR"""
import io
import os
import sys
import tarfile
import zipfile


def add_tree(tar, root, prefix):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel = os.path.relpath(dirpath, root)
        arc = prefix if rel == "." else os.path.join(prefix, rel) if prefix else rel
        if arc:
            tar.add(dirpath, arcname=arc, recursive=False)
        for name in sorted(filenames):
            tar.add(os.path.join(dirpath, name),
                    arcname=os.path.join(arc, name) if arc else name)


def member(name, data=b"", kind=tarfile.REGTYPE, link="", mode=0o644):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    info.mode = mode
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    return info, io.BytesIO(data) if kind == tarfile.REGTYPE else None


def hostile_tar(path, members, mode="w"):
    with tarfile.open(path, mode, format=tarfile.GNU_FORMAT) as tar:
        for name, data, kind, link in members:
            info, fileobj = member(name, data, kind, link)
            tar.addfile(info, fileobj)


def main():
    plugin, out = sys.argv[1:3]
    os.makedirs(out, exist_ok=True)
    for suffix, mode in (("tar", "w"), ("tar.gz", "w:gz"), ("tar.xz", "w:xz"),
                         ("tar.bz2", "w:bz2")):
        with tarfile.open(os.path.join(out, "plugin." + suffix), mode,
                          format=tarfile.GNU_FORMAT) as tar:
            add_tree(tar, plugin, "")
    # What GitHub and GitLab serve: one top-level directory.
    with tarfile.open(os.path.join(out, "github.tar.gz"), "w:gz",
                      format=tarfile.PAX_FORMAT) as tar:
        add_tree(tar, plugin, "helloworld-main")
    with zipfile.ZipFile(os.path.join(out, "plugin.zip"), "w",
                         zipfile.ZIP_DEFLATED) as z:
        for dirpath, dirnames, filenames in os.walk(plugin):
            dirnames.sort()
            for name in sorted(filenames):
                full = os.path.join(dirpath, name)
                arc = os.path.join("helloworld-main", os.path.relpath(full, plugin))
                info = zipfile.ZipInfo(arc, (2024, 1, 1, 0, 0, 0))
                info.external_attr = (os.stat(full).st_mode & 0xFFFF) << 16
                with open(full, "rb") as f:
                    z.writestr(info, f.read())

    ok = (("wazo/plugin.yml", b"name: x\nnamespace: y\nversion: '1'\n",
           tarfile.REGTYPE, ""),)
    reg, lnk, sym, dev, fifo = (tarfile.REGTYPE, tarfile.LNKTYPE,
                                tarfile.SYMTYPE, tarfile.CHRTYPE, tarfile.FIFOTYPE)
    cases = {
        "absolute": ok + (("/tmp/evil-absolute", b"x", reg, ""),),
        "dotdot": ok + (("wazo/../../evil-dotdot", b"x", reg, ""),),
        "symlink-absolute": ok + (("wazo/link", b"", sym, "/etc/passwd"),),
        "symlink-climbs": ok + (("wazo/link", b"", sym, "../../outside"),),
        "hardlink-outside": ok + (("wazo/hard", b"", lnk, "/etc/passwd"),),
        "hardlink-climbs": ok + (("wazo/hard", b"", lnk, "../outside"),),
        "device": ok + (("wazo/dev", b"", dev, ""),),
        "fifo": ok + (("wazo/fifo", b"", fifo, ""),),
        "duplicate-over-symlink": ok + (("wazo/x", b"", sym, "plugin.yml"),
                                        ("wazo/x", b"replaced", reg, "")),
        "through-symlink": ok + (("wazo/dir", b"", sym, "."),
                                 ("wazo/dir/evil", b"x", reg, "")),
    }
    for name, members in cases.items():
        hostile_tar(os.path.join(out, "hostile-%s.tar" % name), members)
    # A zip slip.
    with zipfile.ZipFile(os.path.join(out, "hostile-zip-slip.zip"), "w") as z:
        z.writestr("wazo/plugin.yml", ok[0][1])
        z.writestr("../../evil-zip-slip", b"x")
    # A tar bomb by ratio: 64 MiB of zeros, compressed to almost nothing.
    with tarfile.open(os.path.join(out, "hostile-bomb.tar.xz"), "w:xz") as tar:
        info, fileobj = member(*ok[0][:2])
        tar.addfile(info, fileobj)
        info = tarfile.TarInfo("wazo/zeros")
        info.size = 64 * 1024 * 1024
        tar.addfile(info, io.BytesIO(bytes(info.size)))
    # Too many entries (the test sets --max-entries 50).
    hostile_tar(os.path.join(out, "hostile-entries.tar"),
                ok + tuple(("wazo/f%d" % i, b"x", reg, "") for i in range(60)))
    # Not an archive at all.
    with open(os.path.join(out, "not-an-archive.txt"), "w") as f:
        f.write("just text\n")


main()
