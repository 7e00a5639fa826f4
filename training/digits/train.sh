#!/usr/bin/env bash
# Makes the digit network from scratch: the data (MNIST digits written into the form's boxes, scanned by the project's
# simulator and cut out by the pipeline's own code), then PyTorch training, calibration and the ONNX export into
# src/main/resources/models/. One command, fixed seeds; see README.md for what it prints and how long it takes.
#
#   training/digits/train.sh [--epochs 12] [any other train.py option]
#
# Needs: a JDK and Maven (the project's build), Debian python3-torch python3-torchvision python3-onnx python3-opencv,
# fonts-seto (the font digits of the training data), and ../shared/data/digits/mnist beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=target/digits-data
MNIST=../shared/data/digits/mnist
mkdir -p "$DATA"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="target/test-classes:target/classes:$(cat target/cp.txt)"
export OMP_THREAD_LIMIT=1
export_split() {   # name, extra arguments
  local name=$1; shift
  [ -s "$DATA/$name.u8" ] && { echo "$DATA/$name.u8 exists, kept"; return; }
  java -Xmx4g -cp "$CP" org.shinsei.fields.DigitCropExport --mnist "$MNIST" --out "$DATA/$name" "$@"
}
export_split raw         --split raw
export_split calibration      --split calibration --renderings 4 --seed 2 --writing as-written
export_split test             --split test        --renderings 2 --seed 3 --writing as-written
export_split train-varied     --split train       --renderings 1 --seed 1 --font-share 0.06
export_split train-as-written --split train       --renderings 1 --seed 4 --writing as-written
/usr/bin/python3 training/digits/train.py --data "$DATA" --out src/main/resources/models "$@"
