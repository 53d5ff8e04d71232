#!/usr/bin/python3
"""Renders a template with the real Jinja2 (default settings, as
wazo-plugind uses them), with a context read by PyYAML, and the shquote
filter the package templates use. Usage: jinja_reference.py TEMPLATE CONTEXT.yml"""
import shlex
import sys

import jinja2
import yaml


def main():
    template_path, context_path = sys.argv[1:3]
    with open(context_path, encoding="utf-8") as f:
        context = yaml.safe_load(f)
    with open(template_path, encoding="utf-8") as f:
        source = f.read()
    env = jinja2.Environment()
    # shquote quotes the text of any value, as the engine does.
    env.filters["shquote"] = lambda value: shlex.quote(str(value))
    sys.stdout.write(env.from_string(source).render(**context))


main()
