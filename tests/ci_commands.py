"""The shell commands of the two CI pipelines, side by side.

Usage: ci_commands.py commands TEMPLATE JENKINSFILE
       ci_commands.py defaults TEMPLATE JENKINSFILE
       ci_commands.py jobs TEMPLATE

`commands` prints, for every job of the GitLab CI template (before_script
then script, with what `extends` brings), the lines of the Jenkinsfile's
stage of the same name (the job's name less "wazo-plugin-", the lines of
its sh '''...''' step), and exits 1 unless they are the same lines.
`defaults` does the same for the variables and the Jenkinsfile's
environment block. `jobs` prints the template's job names, one a line.
"""

import re
import sys

import yaml

PREFIX = "wazo-plugin-"


def gitlab_jobs(path):
    """Job name -> its command lines, hidden jobs merged in by extends."""
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    jobs = {}
    for name, job in doc.items():
        if not isinstance(job, dict) or name.startswith(".") or "script" not in job:
            continue
        lines = []
        for parent in [job.get("extends")] if isinstance(job.get("extends"), str) \
                else job.get("extends", []):
            lines += doc[parent].get("before_script", [])
        lines += job.get("before_script", []) + job["script"]
        jobs[name] = lines
    return doc, jobs


def jenkins_stages(path):
    """Stage name -> the lines of its sh '''...''' step."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    stages = {}
    pattern = re.compile(r"stage\('([^']+)'\)\s*\{(?:(?!stage\().)*?sh '''\n(.*?)'''",
                         re.S)
    for match in pattern.finditer(text):
        body = match.group(2)
        if "\\" in body:
            sys.exit(f"{path}: stage {match.group(1)}: a backslash, which Groovy "
                     "would read as an escape")
        stages[match.group(1)] = [line.strip() for line in body.splitlines()
                                  if line.strip()]
    return text, stages


def jenkins_environment(text):
    """The environment block's NAME = 'value' lines."""
    block = re.search(r"environment \{\n(.*?)\n    \}", text, re.S).group(1)
    return dict(re.findall(r"^\s*(\w+) = '([^']*)'$", block, re.M))


def compare(label, want, got):
    if want == got:
        print(f"same {label}")
        return True
    print(f"different {label}:")
    print(f"  GitLab:  {want!r}")
    print(f"  Jenkins: {got!r}")
    return False


def main():
    what, template = sys.argv[1], sys.argv[2]
    doc, jobs = gitlab_jobs(template)
    if what == "jobs":
        print("\n".join(jobs))
        return 0
    text, stages = jenkins_stages(sys.argv[3])
    same = True
    if what == "commands":
        for name, lines in jobs.items():
            same &= compare(name, lines, stages.pop(name[len(PREFIX):], None))
        for extra in stages:
            same &= compare(f"stage {extra}", None, stages[extra])
    else:
        env = jenkins_environment(text)
        for name, value in doc["variables"].items():
            same &= compare(name, value, env.pop(name, None))
        for extra in env:
            same &= compare(extra, None, env[extra])
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
