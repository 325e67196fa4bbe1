#!/usr/bin/env bash
# Checks the Binder setup without Docker: runs binder/postBuild in a clean environment (env -i, a fresh
# HOME that reuses the already-filled local Maven repository), then checks that `jupyter kernelspec list`
# shows the VisionLab kernel and that a notebook executes with it. Also checks every apt.txt package name.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$HERE"
fail() { echo "FAIL binder: $*" >&2; exit 1; }

if command -v apt-cache >/dev/null 2>&1; then
  while read -r pkg; do
    [ -z "$pkg" ] && continue
    apt-cache show "$pkg" >/dev/null 2>&1 || fail "binder/apt.txt names '$pkg', which apt-cache does not know"
  done < binder/apt.txt
  echo "ok   binder/apt.txt: $(tr '\n' ' ' < binder/apt.txt)"
fi

fresh="$(mktemp -d -t visionlab-binder-home.XXXXXX)"
trap 'rm -rf "$fresh"' EXIT
mkdir -p "$fresh"
# the already-filled local Maven repository and wrapper distribution, so nothing is downloaded again
[ -d "$HOME/.m2" ] && ln -s "$HOME/.m2" "$fresh/.m2"
java_bin="$(dirname "$(readlink -f "$(command -v java)")")"
clean_env=(env -i HOME="$fresh" PATH="$java_bin:/usr/local/bin:/usr/bin:/bin" LANG=C.UTF-8)

"${clean_env[@]}" bash binder/postBuild > "$fresh/postBuild.log" 2>&1 || { cat "$fresh/postBuild.log"; fail "postBuild failed"; }
echo "ok   binder/postBuild in a clean environment"

jupyter=/usr/bin/jupyter
[ -x "$jupyter" ] || jupyter="$(command -v jupyter)"
"${clean_env[@]}" "$jupyter" kernelspec list | tee "$fresh/specs.txt"
grep -q '^ *visionlab ' "$fresh/specs.txt" || fail "jupyter kernelspec list does not show the visionlab kernel"
grep -q '"display_name": "VisionLab' "$fresh/.local/share/jupyter/kernels/visionlab/kernel.json" \
  || fail "kernel.json has no VisionLab display name"
echo "ok   jupyter kernelspec list shows VisionLab"

"${clean_env[@]}" VISIONLAB_FAST=1 "$jupyter" nbconvert --to notebook --execute \
  --ExecutePreprocessor.kernel_name=visionlab --ExecutePreprocessor.timeout=300 \
  --output-dir "$fresh/out" notebooks/01-gaussian-pyramid.ipynb > "$fresh/nbconvert.log" 2>&1 \
  || { cat "$fresh/nbconvert.log"; fail "a notebook did not execute with the Binder-installed kernel"; }
grep -q '"image/png"' "$fresh/out/01-gaussian-pyramid.ipynb" || fail "the executed notebook has no image/png output"
echo "ok   01-gaussian-pyramid executes with the Binder-installed kernel"
