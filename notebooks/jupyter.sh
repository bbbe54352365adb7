#!/usr/bin/env bash
# The notebooks in Jupyter: finds (or, with --install, installs) Jupyter and the rapaio Java kernel,
# exports every notebooks/*.jsh to notebooks/target/ipynb/*.ipynb (nbformat 4.5, cell ids, paths
# relative to that folder) with the kernelspec beside them, then opens Jupyter on them, or with
# --execute runs each headlessly through notebooks/relaunching_kernel.py (a kernel launch that
# never answers is relaunched on fresh ports, up to 4 launches) and writes *.executed.ipynb.
#
#   notebooks/jupyter.sh [--install] [--execute]
#
# Needs JDK 17 and Maven; Jupyter from Debian (jupyter-nbconvert, jupyter-client, and
# jupyter-notebook to open them; --execute needs a python3 with nbformat, jupyter_client and
# nbclient, which jupyter-nbconvert pulls in), the kernel io.github.padreati:rapaio-jupyter-kernel:3.0.1
# from Maven Central. Nothing is written outside notebooks/target and ~/.m2.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install=0
execute=0
for a in "$@"; do
  case "$a" in
    --install) install=1 ;;
    --execute) execute=1 ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "jupyter.sh: unknown argument '$a' (allowed: --install, --execute)" >&2; exit 2 ;;
  esac
done

kernel="$HOME/.m2/repository/io/github/padreati/rapaio-jupyter-kernel/3.0.1/rapaio-jupyter-kernel-3.0.1.jar"
if ! command -v jupyter >/dev/null; then
  if [ "$install" = 1 ]; then
    apt-get install -y --no-install-recommends jupyter-nbconvert jupyter-client jupyter-notebook
  else
    echo "jupyter.sh: Jupyter is not installed; run with --install, or:" \
         "apt-get install -y --no-install-recommends jupyter-nbconvert jupyter-client jupyter-notebook" >&2
    exit 2
  fi
fi
if [ ! -f "$kernel" ]; then
  if [ "$install" = 1 ]; then
    mvn -B -q dependency:get -Dartifact=io.github.padreati:rapaio-jupyter-kernel:3.0.1
  else
    echo "jupyter.sh: the Java kernel is not in ~/.m2; run with --install, or:" \
         "mvn dependency:get -Dartifact=io.github.padreati:rapaio-jupyter-kernel:3.0.1" >&2
    exit 2
  fi
fi

out="$root/notebooks/target/ipynb"
mkdir -p "$out"
echo "jupyter.sh: building the notebooks' class path..." >&2
(cd "$root" && mvn -B -q -o -pl notebooks -am compile dependency:build-classpath \
   -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >/dev/null)
cp="$root/notebooks/target/classes:$(cat "$root/notebooks/target/classpath.txt")"
notebooks=("$root"/notebooks/notebooks/*.jsh)
java -Djava.awt.headless=true -cp "$cp" org.p2prollout.notebooks.Ipynb "$out" "${notebooks[@]}"
echo "jupyter.sh: exported ${#notebooks[@]} notebooks to $out" >&2

export JUPYTER_PATH="$out/jupyter"
if [ "$execute" = 1 ]; then
  # the python3 on PATH may be a private one (pyenv) without Debian's Jupyter modules
  python=""
  for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import nbformat, jupyter_client, nbclient' 2>/dev/null; then python="$candidate"; break; fi
  done
  if [ -z "$python" ]; then
    if [ "$install" = 1 ]; then
      apt-get install -y --no-install-recommends python3-nbformat python3-jupyter-client python3-nbclient
      python=/usr/bin/python3
    else
      echo "jupyter.sh: no python3 with nbformat, jupyter_client and nbclient; run with --install, or:" \
           "apt-get install -y --no-install-recommends python3-nbformat python3-jupyter-client python3-nbclient" >&2
      exit 2
    fi
  fi
  status=0
  start=$SECONDS
  for nb in "$out"/[0-9]*.ipynb; do
    case "$nb" in *.executed.ipynb) continue ;; esac
    name="$(basename "$nb" .ipynb)"
    if "$python" "$root/notebooks/relaunching_kernel.py" --timeout 300 \
        "$nb" "$out/$name.executed.ipynb" >"$out/$name.log" 2>&1; then
      result=ran
    else
      result="FAILED (see $out/$name.log)"
      status=1
    fi
    launches="$(grep -o 'launch [0-9]* of' "$out/$name.log" | tail -n 1 | cut -d' ' -f2)"
    echo "  $name: $result, kernel launches: ${launches:-none}" >&2
  done
  echo "jupyter.sh: executed in $((SECONDS - start)) s" >&2
  exit $status
fi
# jupyter-nbconvert alone has no "jupyter notebook": say so before exec fails with a bare "not a command"
if ! jupyter notebook --version >/dev/null 2>&1; then
  if [ "$install" = 1 ]; then
    apt-get install -y --no-install-recommends jupyter-notebook
  else
    echo "jupyter.sh: 'jupyter notebook' is not installed; run with --install, or:" \
         "apt-get install -y --no-install-recommends jupyter-notebook (or run with --execute)" >&2
    exit 2
  fi
fi
# Jupyter refuses to serve as root unless told; containers and CI machines often run as root
args=()
if [ "$(id -u)" = 0 ]; then
  echo "jupyter.sh: running as root, so Jupyter is started with --allow-root" >&2
  args+=(--allow-root)
fi
cd "$out" && exec jupyter notebook "${args[@]}"
