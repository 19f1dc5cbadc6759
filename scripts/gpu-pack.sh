#!/usr/bin/env bash
# Packs what scripts/gpu-check.sh needs on a Linux x64 GPU machine that has a driver and nothing
# else (no Node, no npm registry, no Vulkan loader): this Node binary, the production node_modules
# (onnxruntime-node's Linux build only), Debian's Vulkan loader and GL dispatch libraries, into one git-ignored folder.
#   scripts/gpu-pack.sh [DIR]      (default .gpu; about 40 MB)
# Then carry DIR to the GPU machine together with the working tree and run scripts/gpu-check.sh there.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:-.gpu}
rm -rf "$dest" && mkdir -p "$dest"

node_bin=$(node -p process.execPath)
echo "node $(node --version) from $node_bin"
xz -T0 -6 -c "$node_bin" >"$dest/node.xz"

# Production dependencies only (tsx runs the TypeScript sources, as bin/arc-ttt.mjs does here).
mapfile -t modules < <(npm ls --omit=dev --all --parseable 2>/dev/null | tail -n +2 | sed "s|^$PWD/||")
tar -cJf "$dest/node_modules.tar.xz" \
  --exclude='onnxruntime-node/bin/napi-v*/darwin' --exclude='onnxruntime-node/bin/napi-v*/win32' \
  --exclude='onnxruntime-node/bin/napi-v*/linux/arm64' --exclude='better-sqlite3/build/Release/obj*' \
  --exclude='better-sqlite3/deps' --exclude='better-sqlite3/src' --exclude='*.md' --exclude='*.d.ts' --exclude='protobufjs/cli' --exclude='@types' \
  "${modules[@]}"

# The Vulkan loader (libvulkan.so.1), which WebGPU (Dawn) opens, and the GL vendor-neutral
# dispatch libraries the NVIDIA driver's Vulkan ICD (libGLX_nvidia.so.0) links against.
mkdir -p "$dest/debs"
(cd "$dest/debs" && apt-get download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2 2>/dev/null)

# Optionally training data for a pretraining stage on the GPU (never committed: the folder is ignored).
if [ -n "${ARC_TRAINING_DATA:-}" ]; then
  tar -cJf "$dest/training-data.tar.xz" -C "$(dirname "$ARC_TRAINING_DATA")" "$(basename "$ARC_TRAINING_DATA")" ${ARC_TRAINING_EXTRA:+-C "$(dirname "$ARC_TRAINING_EXTRA")" "$(basename "$ARC_TRAINING_EXTRA")"}
fi
du -sh "$dest"/*
