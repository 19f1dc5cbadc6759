#!/usr/bin/env bash
# Proves and measures the GPU path on a Linux x64 machine with an NVIDIA driver and nothing else:
# unpacks what scripts/gpu-pack.sh packed (Node, node_modules, the Vulkan loader and GL dispatch libraries) where the machine
# lacks it, then runs on the WebGPU provider (Vulkan): the gradient checks, the engine benchmark
# beside the CPU provider, the TTT benchmark and a small run on bundled tasks. Everything it prints
# goes to OUTDIR (summary.txt and the run's SQLite log).
#   scripts/gpu-check.sh OUTDIR [PACKDIR]           (PACKDIR defaults to .gpu)
# With PRETRAIN_UNTIL=N and PACKDIR/training-data.tar.xz (gpu-pack.sh with ARC_TRAINING_DATA) it then
# continues the shipped model with `arc-ttt pretrain` on the same provider (options in PRETRAIN_ARGS)
# until N seconds after the script started, stops it with SIGINT (which checkpoints) and packs the
# last checkpoint into OUTDIR. PRETRAIN_RESUME=DIR continues a pretraining folder (DIR/latest.json,
# DIR/checkpoints/..., optionally DIR/pretrain.sqlite, the log it was written to) with --resume instead.
# GPU_CHECKS=0 skips the checks (pretraining only).
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/gpu-check.sh OUTDIR [PACKDIR]}
pack=${2:-.gpu}
ep=${GPU_EP:-webgpu} # GPU_EP=cpu tries the script on a machine without a GPU
mkdir -p "$out"
summary="$out/summary.txt"
say() { echo "== $(date -u +%T) $*" | tee -a "$summary"; }
step() { # step NAME SECONDS COMMAND...: runs a step with a time limit, its output into the summary
  local name=$1 limit=$2; shift 2
  say "$name: $*"
  local started=$SECONDS
  timeout -s INT -k 20 "$limit" "$@" 2>&1 | tee -a "$summary"
  local rc=${PIPESTATUS[0]}
  say "$name: exit $rc after $((SECONDS - started)) s"
}

if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  mkdir -p /tmp/arc-node/bin && xz -dc "$pack/node.xz" >/tmp/arc-node/bin/node && chmod +x /tmp/arc-node/bin/node
  export PATH=/tmp/arc-node/bin:$PATH
fi
[ -d node_modules/onnxruntime-node ] || tar -xJf "$pack/node_modules.tar.xz"
# The Vulkan loader and GL dispatch libraries where the machine lacks them (Debian packages, unpacked
# into / as the device notes advise), and the driver's own ICD file first.
if ! ldconfig -p | grep -q 'libvulkan.so.1 ' || ! ldconfig -p | grep -q 'libGLdispatch.so.0 '; then
  for deb in "$pack"/debs/*.deb; do dpkg -x "$deb" /; done
  ldconfig
fi
if [ -z "${VK_DRIVER_FILES:-}" ]; then
  for icd in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json; do
    if [ -f "$icd" ]; then export VK_DRIVER_FILES=$icd; break; fi
  done
fi
[ -f /usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json ] && export __EGL_VENDOR_LIBRARY_FILENAMES=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
say "machine: $(uname -srm); node $(node --version) at $(command -v node); $(nproc) cores; VK_DRIVER_FILES=${VK_DRIVER_FILES:-none}"
[ -n "${VK_DRIVER_FILES:-}" ] && cat "$VK_DRIVER_FILES" | tee -a "$summary"
ldconfig -p | grep -E 'libvulkan|libGLX|libGLdispatch|nvidia' | head -20 | tee -a "$summary"
ls /usr/local/nvidia/lib64 2>/dev/null | grep -iE "glx|vulkan|egl" | tr "\n" " " | tee -a "$summary"; echo | tee -a "$summary"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv 2>&1 | tee -a "$summary"
cli=(node bin/arc-ttt.mjs)

# Time limits keep the whole script inside one 10-minute call (about 7.5 minutes at most before pretraining).
if [ "${GPU_CHECKS:-1}" != 0 ]; then
step gradcheck 90 "${cli[@]}" gradcheck --ep "$ep"
[ "$ep" = cpu ] || step bench-engine-cpu 60 "${cli[@]}" bench engine --ep cpu --steps 3
step "bench-engine-$ep" 90 "${cli[@]}" bench engine --ep "$ep" --steps 3
step "bench-ttt-$ep" 120 "${cli[@]}" bench ttt --ep "$ep" --set data.cap=16
step "run-$ep" 90 "${cli[@]}" run --data resources/sample-tasks --tasks flip-horizontal,transpose,upscale-2x,draw-border \
  --ep "$ep" --set data.cap=32 --db "$out/runs.sqlite" --name "gpu-check $ep"
fi

pretrain_seconds=$(( ${PRETRAIN_UNTIL:-0} - SECONDS - 30 ))
if [ "$pretrain_seconds" -gt 30 ] && [ -f "$pack/training-data.tar.xz" ]; then
  mkdir -p /tmp/arc-data && tar -xJf "$pack/training-data.tar.xz" -C /tmp/arc-data
  data=(); for d in /tmp/arc-data/*; do data+=(--data "$d"); done
  if [ -n "${PRETRAIN_RESUME:-}" ]; then
    rm -rf /tmp/arc-pretrain && cp -r "$PRETRAIN_RESUME" /tmp/arc-pretrain
    [ -f /tmp/arc-pretrain/pretrain.sqlite ] && mv /tmp/arc-pretrain/pretrain.sqlite "$out/pretrain.sqlite"
    step "pretrain-$ep" "$pretrain_seconds" "${cli[@]}" pretrain "${data[@]}" --out /tmp/arc-pretrain --resume \
      --ep "$ep" --db "$out/pretrain.sqlite"
  else
    step "pretrain-$ep" "$pretrain_seconds" "${cli[@]}" pretrain "${data[@]}" --out /tmp/arc-pretrain --init resources/models/arc-base \
      --ep "$ep" ${PRETRAIN_ARGS:-} --db "$out/pretrain.sqlite" --name "arc-base stage on $ep"
  fi
  latest=$(ls -d /tmp/arc-pretrain/checkpoints/step-* 2>/dev/null | sort -V | tail -1)
  [ -n "$latest" ] && tar -cJf "$out/pretrain-checkpoint.tar.xz" -C "$latest" . && say "checkpoint $latest"
fi
say done
