#!/usr/bin/env bash
# The notebooks in Jupyter: finds (or, with --install, installs) Jupyter and the rapaio Java kernel,
# exports every notebooks/*.jsh to notebooks/target/ipynb/*.ipynb (nbformat 4.5, cell ids, paths
# relative to that folder) with the kernelspec beside them, then opens Jupyter on them, or with
# --execute runs each headlessly and writes *.executed.ipynb.
#
#   notebooks/jupyter.sh [--install] [--execute]
#
# Needs JDK 17 and Maven; Jupyter from Debian (jupyter-nbconvert, jupyter-client, and
# jupyter-notebook to open them), the kernel io.github.padreati:rapaio-jupyter-kernel:3.0.1 from
# Maven Central. Nothing is written outside notebooks/target and ~/.m2.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install=0
execute=0
for a in "$@"; do
  case "$a" in
    --install) install=1 ;;
    --execute) execute=1 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
java -Djava.awt.headless=true -cp "$cp" org.p2prollout.notebooks.Ipynb "$out" "$root"/notebooks/notebooks/*.jsh
echo "jupyter.sh: exported $(ls "$out"/*.ipynb | grep -vc executed) notebooks to $out" >&2

export JUPYTER_PATH="$out/jupyter"
if [ "$execute" = 1 ]; then
  status=0
  for nb in "$out"/[0-9]*.ipynb; do
    case "$nb" in *.executed.ipynb) continue ;; esac
    name="$(basename "$nb" .ipynb)"
    if jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=p2p-rollout-java \
        --ExecutePreprocessor.timeout=300 --ExecutePreprocessor.startup_timeout=120 \
        --output "$name.executed.ipynb" "$nb" >/dev/null 2>"$out/$name.log"; then
      echo "  $name: ran" >&2
    else
      echo "  $name: FAILED (see $out/$name.log)" >&2
      status=1
    fi
  done
  exit $status
fi
cd "$out" && exec jupyter notebook
